package io.replywatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PollerBackoffTest {

  @ParameterizedTest(name = "interval {0} ms, failure {1}: {2} ms")
  @CsvSource({
      "1000, 1, 1000",
      "1000, 3, 4000",
      "1000, 9, 256000",
      "1000, 10, 300000",
      "1000, 500, 300000",
      "86400000, 1, 300000",
      "2305843009213693951, 1, 300000",
      "2305843009213693951, 4, 300000", // shifted by 3 it overflowed into a negative delay
      "9223372036854775807, 11, 300000",
  })
  void shouldDoubleTheIntervalPerFailureUpToFiveMinutes(long intervalMillis, int failures, long expectedMillis) {
    assertEquals(Duration.ofMillis(expectedMillis), Poller.backoff(Duration.ofMillis(intervalMillis), failures, 0));
  }

  @Test
  void shouldSaturateAnIntervalTooLongForMilliseconds() {
    assertEquals(Duration.ofMinutes(5), Poller.backoff(Duration.ofDays(999_999_999_999L), 1, 0));
    assertEquals(Duration.ofMinutes(5), Poller.backoff(Duration.ofSeconds(Long.MAX_VALUE), 4, 0));
  }

  @Test
  void shouldAddUpToAFifthAsJitter() {
    assertEquals(Duration.ofMillis(1100), Poller.backoff(Duration.ofSeconds(1), 1, 0.5));
    assertEquals(Duration.ofMillis(359_999), Poller.backoff(Duration.ofDays(1), 3, 0.99999999));
  }
}
