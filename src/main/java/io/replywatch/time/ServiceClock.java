package io.replywatch.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The service's notion of "now", injected everywhere time matters. Besides telling the time it converts a span
 * of service time into a real timer delay, which is what lets the demo run 60 times faster and lets tests move
 * time by hand: verticles arm their Vert.x timers with {@link #realDelayMillis} and re-arm when the clock jumps.
 */
public abstract class ServiceClock extends Clock {
  private final List<Runnable> jumpListeners = new CopyOnWriteArrayList<>();

  /** Real milliseconds until {@code span} of service time has passed (at least 1, as Vert.x timers need). */
  public abstract long realDelayMillis(Duration span);

  /**
   * Called after the clock moved other than by running (a test advancing it); timers must be re-armed.
   *
   * @return removes the listener: call it when the verticle stops
   */
  public Runnable onJump(Runnable listener) {
    jumpListeners.add(listener);
    return () -> jumpListeners.remove(listener);
  }

  protected void jumped() {
    for (Runnable listener : jumpListeners) {
      try {
        listener.run();
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        // Its Vert.x was closed without removing it: it will never need a timer again.
        jumpListeners.remove(listener);
      }
    }
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the service clock is always UTC");
  }

  /** The wall clock. */
  public static ServiceClock system() {
    return scaled(Instant.now(), 1.0);
  }

  /**
   * A clock that starts at {@code start} and runs {@code speed} times faster than the wall clock: the demo's
   * "one minute is an hour".
   */
  public static ServiceClock scaled(Instant start, double speed) {
    return new ScaledClock(start, speed, System.nanoTime());
  }

  /**
   * A scaled clock that stands still at {@code start} until {@link #resume}: the demo starts its scripted shift
   * only once the service is up, however long the JVM took to get there.
   */
  public static ServiceClock pausedScaled(Instant start, double speed) {
    return new ScaledClock(start, speed, -1);
  }

  /** Lets a paused clock run from now on (no effect on a running one). */
  public void resume() {
  }

  private static final class ScaledClock extends ServiceClock {
    private final Instant start;
    private final double speed;
    private volatile long startNanos;

    ScaledClock(Instant start, double speed, long startNanos) {
      if (!(speed > 0)) {
        throw new IllegalArgumentException("speed must be positive");
      }
      this.start = start;
      this.speed = speed;
      this.startNanos = startNanos;
    }

    @Override
    public Instant instant() {
      long from = startNanos;
      if (from < 0) {
        return start;
      }
      return start.plusNanos((long) ((System.nanoTime() - from) * speed));
    }

    @Override
    public void resume() {
      if (startNanos < 0) {
        startNanos = System.nanoTime();
        jumped();
      }
    }

    @Override
    public long realDelayMillis(Duration span) {
      double ms = Math.ceil(span.toNanos() / speed / 1_000_000.0);
      return Math.max(1, (long) Math.min(ms, Long.MAX_VALUE / 2));
    }
  }
}
