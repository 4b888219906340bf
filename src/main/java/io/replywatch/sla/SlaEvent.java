package io.replywatch.sla;

import io.replywatch.classify.Category;
import io.replywatch.config.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Something a person must hear about: an episode reached its warning or breach target, or an episode that had an
 * event was answered. Carries everything a channel needs to render it, so notifiers never look anything up.
 *
 * @param episodeId stable across restarts and replicas: {@code <platform>-<id of the opening post>}
 * @param mentionId the platform id of the post that opened the episode
 * @param text the text of that post or, for an escalated episode, of the follow-up that escalated it
 * @param permalink the link to the post whose text is quoted
 * @param at when the event happened: the deadline for warning/breach, the reply's time for resolved
 * @param waited how long the customer had waited at {@code at} (for resolved: the response time)
 * @param warningTarget the policy's warning target, if any
 * @param breachTarget the policy's breach target, if any
 * @param closedAs for a resolved event of an episode closed without a reply from the brand: the close's reason (the
 *     deleted-post check's "deleted on Mastodon", or what {@code POST /api/v1/episodes/{id}/close} was given);
 *     empty when the brand answered, and for warnings and breaches
 */
public record SlaEvent(
    Level level,
    String episodeId,
    String mentionId,
    String brand,
    Platform platform,
    Category category,
    double confidence,
    String authorHandle,
    String text,
    String permalink,
    Instant openedAt,
    Instant at,
    Duration waited,
    Optional<Duration> warningTarget,
    Optional<Duration> breachTarget,
    Optional<String> closedAs) {

  /** An event of an episode the brand answered, or one still waiting. */
  public SlaEvent(Level level, String episodeId, String mentionId, String brand, Platform platform,
      Category category, double confidence, String authorHandle, String text, String permalink, Instant openedAt,
      Instant at, Duration waited, Optional<Duration> warningTarget, Optional<Duration> breachTarget) {
    this(level, episodeId, mentionId, brand, platform, category, confidence, authorHandle, text, permalink, openedAt,
        at, waited, warningTarget, breachTarget, Optional.empty());
  }

  /** Deterministic, so two replicas, a retry or a restart never open two incidents for one complaint (§4). */
  public String dedupKey() {
    return "replywatch/" + brand + "/" + platform.id() + "/" + episodeId;
  }

  /** Whole minutes waited, rounded down, as people read ("unanswered for 61 min"). */
  public long waitedMinutes() {
    return waited.toMinutes();
  }
}
