package io.replywatch.sla.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the SLA clock runs. Outside business hours it stops, so a target is reached later in wall time. The
 * default runs around the clock.
 */
public interface BusinessCalendar {

  /**
   * The instant at which {@code target} of running clock time has passed since {@code start}; empty when the clock
   * does not run that long within the calendar's search horizon, so that the caller goes on without that deadline
   * instead of failing the poll that asked.
   */
  Optional<Instant> deadline(Instant start, Duration target);

  /** How much clock time ran between two instants (the waiting age that counts against the SLA). */
  Duration elapsed(Instant from, Instant to);

  BusinessCalendar ALWAYS = new BusinessCalendar() {
    @Override
    public Optional<Instant> deadline(Instant start, Duration target) {
      return Optional.of(start.plus(target));
    }

    @Override
    public Duration elapsed(Instant from, Instant to) {
      Duration d = Duration.between(from, to);
      return d.isNegative() ? Duration.ZERO : d;
    }
  };
}
