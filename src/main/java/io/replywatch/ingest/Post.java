package io.replywatch.ingest;

import io.replywatch.config.Platform;
import java.time.Instant;
import java.util.Optional;

/**
 * One post as a platform returned it, normalised: plain text, UTC time, string ids. A customer's post becomes a
 * {@link Mention}; a brand account's post may be a reply that closes an episode.
 *
 * @param id the platform's own id (always a string, never parsed: product.md, social-apis.md §0)
 * @param inReplyToId the post this one replies to, if any
 * @param conversationId the thread's root id where the platform says it; otherwise empty and derived from replies
 * @param language ISO 639-1 as the platform reported it, or empty
 * @param statedAt the time the post's own side stated, when it was not believed and {@code createdAt} is the time
 *     the platform or Replywatch received it instead ({@link ClaimedTime}); empty when the stated time stands
 */
public record Post(
    Platform platform,
    String id,
    String authorId,
    String authorHandle,
    String text,
    Instant createdAt,
    Optional<String> inReplyToId,
    Optional<String> conversationId,
    String permalink,
    Optional<String> language,
    Optional<Instant> statedAt) {

  /** A post whose stated time stands. */
  public Post(Platform platform, String id, String authorId, String authorHandle, String text, Instant createdAt,
      Optional<String> inReplyToId, Optional<String> conversationId, String permalink, Optional<String> language) {
    this(platform, id, authorId, authorHandle, text, createdAt, inReplyToId, conversationId, permalink, language,
        Optional.empty());
  }

  /**
   * The same post taken at {@code time} instead of the time it states ({@link ClaimedTime}); the stated time is kept
   * in {@link #statedAt} so the replacement can be counted and logged. The same post when {@code time} is its own.
   */
  public Post at(Instant time) {
    if (time.equals(createdAt)) {
      return this;
    }
    return new Post(platform, id, authorId, authorHandle, text, time, inReplyToId, conversationId, permalink,
        language, statedAt.or(() -> Optional.of(createdAt)));
  }
}
