package io.replywatch.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses an HTTP {@code Retry-After} header (RFC 9110 §10.2.3: delay-seconds or an HTTP-date). Receivers that rate
 * limit us (Slack, PagerDuty, Teams) say when to come back; honouring it keeps us from being disabled for good.
 */
public final class RetryAfter {

  /** Longer waits are capped: a receiver asking for hours is better retried by the normal backoff. */
  public static final Duration MAX = Duration.ofHours(1);

  private RetryAfter() {}

  /** The wait the header asks for, counted from {@code now} when it is a date; empty when absent or malformed. */
  public static Optional<Duration> parse(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.trim();
    Duration wait;
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        wait = Duration.ofSeconds(Long.parseLong(value));
      } catch (NumberFormatException e) {
        wait = MAX;
      }
    } else {
      try {
        Instant date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        wait = Duration.between(now, date);
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    if (wait.isNegative()) {
      wait = Duration.ZERO;
    }
    return Optional.of(wait.compareTo(MAX) > 0 ? MAX : wait);
  }
}
