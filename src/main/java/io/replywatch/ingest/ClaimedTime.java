package io.replywatch.ingest;

import java.time.Duration;
import java.time.Instant;

/**
 * A post's time as its author's side states it, checked against when the platform first had it. Bluesky's
 * {@code createdAt} is written by the poster's app, and a status federated to Mastodon carries its origin server's
 * {@code created_at}: archive importers backdate posts by years, and anyone can. A complaint "written" a day ago
 * would open an episode already past its breach target and page on-call at once, and one dated ahead would hold
 * the SLA clock back.
 */
public final class ClaimedTime {
  /**
   * How far before the platform had it a post's own time is believed: a phone's clock and a platform's usual lag.
   * A post older than that could not be seen, nor answered, before the platform had it.
   */
  public static final Duration BACKDATE_LIMIT = Duration.ofMinutes(5);

  private ClaimedTime() {}

  /**
   * The time a post is taken to be written: {@code claimed}, unless that is after {@code seen} (a fast clock) or
   * more than {@link #BACKDATE_LIMIT} before it; then {@code seen}.
   *
   * @param seen when the platform had the post: Bluesky's {@code indexedAt}, a Mastodon notification's time
   */
  public static Instant believe(Instant claimed, Instant seen) {
    if (claimed.isAfter(seen) || claimed.isBefore(seen.minus(BACKDATE_LIMIT))) {
      return seen;
    }
    return claimed;
  }
}
