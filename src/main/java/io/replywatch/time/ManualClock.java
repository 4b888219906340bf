package io.replywatch.time;

import java.time.Duration;
import java.time.Instant;

/**
 * A clock that only moves when told: tests advance it and the verticles re-arm their timers, so a 60-minute
 * deadline is tested without waiting 60 minutes or sleeping. Real timers armed against it fire after
 * {@code realDelayMillis} of the remaining span; they are re-armed on every {@link #advance}.
 */
public final class ManualClock extends ServiceClock {
  private volatile Instant now;

  public ManualClock(Instant start) {
    this.now = start;
  }

  @Override
  public Instant instant() {
    return now;
  }

  public void advance(Duration d) {
    set(now.plus(d));
  }

  public void set(Instant instant) {
    now = instant;
    jumped();
  }

  /** Time does not pass by itself: a timer for a future instant waits for the next jump (one hour is "never"). */
  @Override
  public long realDelayMillis(Duration span) {
    return span.isNegative() || span.isZero() ? 1 : 3_600_000;
  }
}
