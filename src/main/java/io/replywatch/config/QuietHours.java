package io.replywatch.config;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A nightly window in which a support channel is not messaged (the team is off; the page still reaches on-call
 * through the paging channels). Deliveries that fall inside wait until it ends. The window may cross midnight
 * ("22:00" to "07:00"); times are wall-clock in its zone, so it follows DST.
 */
public record QuietHours(ZoneId zone, LocalTime from, LocalTime to) {

  /** When the window that contains {@code now} ends, or empty when {@code now} is outside it. */
  public Optional<Instant> endIfQuiet(Instant now) {
    ZonedDateTime local = now.atZone(zone);
    LocalTime t = local.toLocalTime();
    boolean crossesMidnight = from.isAfter(to);
    boolean quiet = crossesMidnight ? !t.isBefore(from) || t.isBefore(to) : !t.isBefore(from) && t.isBefore(to);
    if (!quiet) {
      return Optional.empty();
    }
    ZonedDateTime end = local.with(to);
    if (!end.isAfter(local)) {
      end = end.plusDays(1).with(to);
    }
    return Optional.of(end.toInstant());
  }
}
