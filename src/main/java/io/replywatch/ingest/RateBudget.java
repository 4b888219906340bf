package io.replywatch.ingest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.OptionalInt;

/**
 * One source's rate-limit state as its poller spends it: what the last response's headers said, and a 429's
 * reset, which is also kept in the cursor store so that a restart during the wait does not earn another 429.
 * Not thread-safe: one poller verticle owns it.
 */
final class RateBudget {
  /** The cursor-store entry that keeps a 429's reset across a restart. */
  static final String ENTRY = "rate-limit-reset";

  private final CursorStore cursors;
  private final Platform platform;
  private final String account;
  private RateLimit rate;

  RateBudget(CursorStore cursors, Platform platform, String account, Instant now) {
    this.cursors = cursors;
    this.platform = platform;
    this.account = account;
    this.rate = RateLimit.unknown(now);
    try {
      cursors.get(platform, account, ENTRY).map(Instant::parse).filter(reset -> reset.isAfter(now))
          .ifPresent(reset -> rate = new RateLimit(OptionalInt.of(0), reset));
    } catch (DateTimeParseException e) {
      // An unreadable entry is no information.
    }
  }

  /** Whether a request now must not be sent: the window is spent (one request kept in hand) until the reset. */
  boolean spent(Instant now) {
    return rate.exhausted(1) && now.isBefore(rate.reset());
  }

  /** When the next cycle may start, given when it is due: not before the reset of a window that is nearly spent. */
  Instant notBefore(Instant due) {
    return rate.exhausted(2) && rate.reset().isAfter(due) ? rate.reset() : due;
  }

  void update(RateLimit fromHeaders) {
    rate = fromHeaders;
  }

  /** A 429: nothing more until {@code retryAt}, also after a restart. */
  void limited(Instant retryAt) {
    rate = new RateLimit(OptionalInt.of(0), retryAt);
    cursors.put(platform, account, ENTRY, retryAt.toString());
  }

  Instant reset() {
    return rate.reset();
  }
}
