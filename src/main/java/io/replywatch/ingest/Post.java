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
    Optional<String> language) {

  /** The same post at another time ({@link ClaimedTime}). */
  public Post at(Instant time) {
    return new Post(platform, id, authorId, authorHandle, text, time, inReplyToId, conversationId, permalink,
        language);
  }
}
