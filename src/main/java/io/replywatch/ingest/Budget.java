package io.replywatch.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One source's rate-limit budget, per bucket (X limits each endpoint, Reddit the whole client), as the headers
 * last reported it, plus the block a 429 imposes. Decides whether a request may go now, how long to wait, and how
 * far apart cycles must be so the window lasts until its reset. Pure: "now" is an argument; not thread-safe (one
 * poller's context uses it).
 */
public final class Budget {
  private final Map<String, RateLimit> buckets = new HashMap<>();
  private Instant blockedUntil = Instant.MIN;

  /** When a request to {@code bucket} may go, if not now: a 429's block, or the reset of a spent window. */
  public Optional<Instant> blocked(String bucket, Instant now) {
    if (now.isBefore(blockedUntil)) {
      return Optional.of(blockedUntil);
    }
    RateLimit r = buckets.get(bucket);
    return r != null && r.exhausted(1) && now.isBefore(r.reset()) ? Optional.of(r.reset()) : Optional.empty();
  }

  /**
   * Whether a request to {@code bucket} may go now and leave more than {@code reserve} in its window: for optional
   * reads (X's backlog) that stop rather than wait, so they never hold up or fail the cycle that makes them.
   */
  public boolean spare(String bucket, int reserve, Instant now) {
    if (now.isBefore(blockedUntil)) {
      return false;
    }
    RateLimit r = buckets.get(bucket);
    return r == null || !r.exhausted(reserve) || !now.isBefore(r.reset());
  }

  public void update(String bucket, RateLimit rateLimit) {
    buckets.put(bucket, rateLimit);
  }

  /** A 429 said wait until {@code until}; no request goes before it. Returns the block now in force. */
  public Instant block(Instant until) {
    blockedUntil = until.isAfter(blockedUntil) ? until : blockedUntil;
    return blockedUntil;
  }

  /** How long until a cycle may start, keeping {@code reserve} requests of every bucket in hand. */
  public Duration waitFor(int reserve, Instant now) {
    Instant until = blockedUntil;
    for (RateLimit r : buckets.values()) {
      if (r.exhausted(reserve) && r.reset().isAfter(until)) {
        until = r.reset();
      }
    }
    return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
  }

  /**
   * The spacing that spreads cycles of {@code requests} requests evenly over what is left of every window: time to
   * the reset × requests ÷ requests remaining, but never past the reset (a fresh window comes then); at least
   * {@link #waitFor}.
   */
  public Duration pace(int requests, Instant now) {
    Duration pace = waitFor(2, now);
    for (RateLimit r : buckets.values()) {
      if (r.remaining().isPresent() && r.reset().isAfter(now)) {
        long left = Math.max(1, r.remaining().getAsInt());
        Duration toReset = Duration.between(now, r.reset());
        Duration even = toReset.multipliedBy(Math.max(1, requests)).dividedBy(left);
        even = even.compareTo(toReset) > 0 ? toReset : even;
        pace = even.compareTo(pace) > 0 ? even : pace;
      }
    }
    return pace;
  }
}
