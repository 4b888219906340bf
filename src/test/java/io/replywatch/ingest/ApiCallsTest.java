package io.replywatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How every platform's failed response is classified (REJECTED and FORBIDDEN let an optional read be skipped). */
class ApiCallsTest {
  private static final Instant NOW = Instant.parse("2026-09-01T10:00:00Z");

  @ParameterizedTest
  @CsvSource({"429, RATE_LIMITED", "401, AUTH", "403, FORBIDDEN", "400, REJECTED", "404, REJECTED", "422, REJECTED",
      "500, TRANSIENT", "502, TRANSIENT", "503, TRANSIENT", "504, TRANSIENT"})
  void shouldClassifyEachStatus(int status, PollException.Kind kind) {
    PollException e = ApiCalls.of(status, "Error", Optional.of(NOW.plusSeconds(30)), NOW);
    assertEquals(kind, e.kind());
    assertTrue(e.getMessage().startsWith("HTTP " + status));
  }

  @ParameterizedTest
  @CsvSource({"30, 30", "-5, 60"})
  void shouldWaitForTheResetOrAMinuteWhenItHasPassed(long resetInSeconds, long expectedWait) {
    PollException e = ApiCalls.of(429, "Too many requests", Optional.of(NOW.plusSeconds(resetInSeconds)), NOW);
    assertEquals(Optional.of(NOW.plusSeconds(expectedWait)), e.retryAt());
  }

  @ParameterizedTest
  @CsvSource({"90, 30, 90", "10, 30, 30", ", 30, 30", ", -5, ", "soon, 30, 30", ", 0, "})
  void shouldRetryAfterTheLaterOfRetryAfterAndTheReset(String retryAfter, long resetInSeconds, Long expected) {
    RateLimit rate = new RateLimit(OptionalInt.of(0), NOW.plusSeconds(resetInSeconds));
    assertEquals(Optional.ofNullable(expected).map(NOW::plusSeconds), ApiCalls.retryAt(retryAfter, rate, NOW));
  }
}
