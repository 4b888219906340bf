package io.replywatch.ingest;

import java.time.Duration;
import java.time.Instant;

/**
 * When one poller's next cycle is due: one interval after a cycle that succeeded (or later, when the budget says
 * the cycles must be spread), exponential backoff with jitter after one that failed. Kept apart from the verticle
 * that arms the timer so the arithmetic is plain: "now" comes in as an argument; one poller's context uses it.
 */
final class Schedule {
  static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  private final Duration interval;
  private int failures;
  private Instant nextDue;

  Schedule(Duration interval) {
    this.interval = interval;
  }

  /** The instant the next cycle is due, or {@code now} when none was set yet (at start). */
  Instant dueFrom(Instant now) {
    return nextDue == null ? now : nextDue;
  }

  /** The instant last set: {@code due}, or {@code allowed} when the budget lets no cycle start before then. */
  Instant at(Instant due, Instant allowed) {
    nextDue = allowed.isAfter(due) ? allowed : due;
    return nextDue;
  }

  Instant nextDue() {
    return nextDue;
  }

  /** A cycle succeeded: the next is due one interval after its start, or at {@code paced} if that is later. */
  Instant succeeded(Instant cycleStart, Instant paced) {
    failures = 0;
    Instant due = cycleStart.plus(interval);
    return paced.isAfter(due) ? paced : due;
  }

  /** A cycle failed: how long after its start to try again. */
  Duration failed() {
    failures++;
    return backoff(interval, failures, Math.random());
  }

  /** A bug of ours: the next cycle is due after the longest backoff. */
  Instant broken(Instant now) {
    nextDue = now.plus(MAX_BACKOFF);
    return nextDue;
  }

  /**
   * Interval × 2^(failures−1), capped at {@link #MAX_BACKOFF}, plus up to 20% jitter ({@code random} in [0, 1)).
   * The interval is compared with the cap before it is shifted, so however long it is the delay saturates at the
   * cap: shifting first overflowed into a negative delay (or threw in toMillis()), which stopped the poller.
   */
  static Duration backoff(Duration interval, int failures, double random) {
    int shift = Math.min(10, Math.max(0, failures - 1));
    long capped = interval.compareTo(MAX_BACKOFF.dividedBy(1L << shift)) >= 0 ? MAX_BACKOFF.toMillis()
        : interval.toMillis() << shift;
    return Duration.ofMillis(capped + (long) (capped * 0.2 * random));
  }
}
