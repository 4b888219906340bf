package io.replywatch.notify;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a recoverable delivery again: exponential from one second, capped at five minutes, with up to 20%
 * jitter so many retries do not hit a recovering receiver at once; a receiver's {@code Retry-After} wins if later.
 */
public final class Backoff {
  static final Duration BASE = Duration.ofSeconds(1);
  static final Duration CAP = Duration.ofMinutes(5);

  private Backoff() {}

  /** @param attempt how many attempts have failed so far (1 after the first) */
  public static Duration next(int attempt, Optional<Duration> retryAfter, RandomGenerator random) {
    long base = BASE.toMillis() << Math.min(20, Math.max(0, attempt - 1));
    long capped = Math.min(base, CAP.toMillis());
    long jittered = capped + (long) (capped * 0.2 * random.nextDouble());
    Duration d = Duration.ofMillis(jittered);
    return retryAfter.filter(r -> r.compareTo(d) > 0).orElse(d);
  }
}
