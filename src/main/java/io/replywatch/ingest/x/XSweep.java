package io.replywatch.ingest.x;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The overlap sweep against X's known flake of mentions missing from {@code since_id} queries (social-apis.md
 * §1.3, valory-xyz/IEKit#307): every {@link #WINDOW} the mentions timeline is read again by {@code start_time}
 * alone and added to the cycle's mentions; {@code Poller} drops what it has handed on already. The window never
 * reaches before the poller started, so a restart cannot hand on again what the previous run already did. Pure:
 * time comes in as an argument.
 */
final class XSweep {
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final Instant started;
  private Instant last;

  XSweep(Instant started) {
    this.started = started;
    this.last = started;
  }

  /** The {@code start_time} of a sweep due at {@code now}, if one is due; marks it done. */
  Optional<Instant> due(Instant now) {
    if (now.isBefore(last.plus(WINDOW))) {
      return Optional.empty();
    }
    last = now;
    Instant from = now.minus(WINDOW);
    return Optional.of(from.isBefore(started) ? started : from);
  }
}
