package io.replywatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** How every platform's failed response is classified, and which failures an optional read may skip. */
class HttpFailuresTest {
  private static final Instant NOW = Instant.parse("2026-09-01T10:00:00Z");

  @ParameterizedTest
  @CsvSource({"429, RATE_LIMITED, false", "401, AUTH, false", "403, AUTH, false", "400, REJECTED, true",
      "404, REJECTED, true", "422, REJECTED, true", "500, TRANSIENT, false", "502, TRANSIENT, false",
      "503, TRANSIENT, false", "504, TRANSIENT, false"})
  void shouldClassifyEachStatus(int status, PollException.Kind kind, boolean skippable) {
    PollException e = HttpFailures.of(status, "Error", Optional.of(NOW.plusSeconds(30)), NOW);
    assertEquals(kind, e.kind());
    assertTrue(e.getMessage().startsWith("HTTP " + status));
    assertEquals(skippable, HttpFailures.skipRejected(e, LoggerFactory.getLogger(getClass()), "search").succeeded());
  }

  @ParameterizedTest
  @CsvSource({"30, 30", "-5, 60"})
  void shouldWaitForTheResetOrAMinuteWhenItHasPassed(long resetInSeconds, long expectedWait) {
    PollException e = HttpFailures.of(429, "Too many requests", Optional.of(NOW.plusSeconds(resetInSeconds)), NOW);
    assertEquals(Optional.of(NOW.plusSeconds(expectedWait)), e.retryAt());
  }
}
