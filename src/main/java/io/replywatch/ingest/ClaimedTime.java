package io.replywatch.ingest;

import java.time.Duration;
import java.time.Instant;

/**
 * A post's time as its author's side states it, checked against when the platform first had it. Bluesky's
 * {@code createdAt} is written by the poster's app, and a status federated to Mastodon carries its origin server's
 * {@code created_at}: archive importers backdate posts by years, and anyone can. A complaint "written" a day ago
 * would open an episode already past its breach target and page on-call at once, and one dated ahead would hold
 * the SLA clock back. Where a platform says when it had the post, {@link #believe} checks both ways; where it does not
 * (a Mastodon keyword-search hit), {@link #notAfter} still stops a date ahead of when Replywatch read the post.
 */
public final class ClaimedTime {
  /**
   * How far before the platform had it a post's own time is believed: a phone's clock and a platform's usual lag.
   * A post older than that could not be seen, nor answered, before the platform had it.
   */
  public static final Duration BACKDATE_LIMIT = Duration.ofMinutes(5);

  /**
   * How far after Replywatch received it a post's time is believed: our clock and the platform's differ by seconds,
   * and a post written while a cycle read its pages is dated after the cycle began.
   */
  public static final Duration AHEAD_LIMIT = Duration.ofMinutes(5);

  private ClaimedTime() {}

  /**
   * The post as read, unless it is dated more than {@link #AHEAD_LIMIT} after {@code receivedAt}: no post is written
   * after it is read, so it is then taken at {@code receivedAt}.
   */
  public static Post notAfter(Post post, Instant receivedAt) {
    return post.createdAt().isAfter(receivedAt.plus(AHEAD_LIMIT)) ? post.at(receivedAt) : post;
  }

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
