package io.replywatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleTest {

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
    assertEquals(Duration.ofMillis(expectedMillis), Schedule.backoff(Duration.ofMillis(intervalMillis), failures, 0));
  }

  @Test
  void shouldSaturateAnIntervalTooLongForMilliseconds() {
    assertEquals(Duration.ofMinutes(5), Schedule.backoff(Duration.ofDays(999_999_999_999L), 1, 0));
    assertEquals(Duration.ofMinutes(5), Schedule.backoff(Duration.ofSeconds(Long.MAX_VALUE), 4, 0));
  }

  @Test
  void shouldAddUpToAFifthAsJitter() {
    assertEquals(Duration.ofMillis(1100), Schedule.backoff(Duration.ofSeconds(1), 1, 0.5));
    assertEquals(Duration.ofMillis(359_999), Schedule.backoff(Duration.ofDays(1), 3, 0.99999999));
  }

  @Test
  void shouldBeDueOneIntervalAfterASuccessfulCycleUnlessPacedLater() {
    Schedule schedule = new Schedule(Duration.ofSeconds(60));
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    assertEquals(start.plusSeconds(60), schedule.succeeded(start, start.plusSeconds(10)));
    assertEquals(start.plusSeconds(90), schedule.succeeded(start, start.plusSeconds(90)));
  }

  @Test
  void shouldWaitForTheBudgetAndStartFromNowAtFirst() {
    Schedule schedule = new Schedule(Duration.ofSeconds(60));
    Instant now = Instant.parse("2024-01-01T00:00:00Z");
    assertEquals(now, schedule.dueFrom(now));
    assertEquals(now.plusSeconds(30), schedule.at(now, now.plusSeconds(30)));
    assertEquals(now.plusSeconds(30), schedule.dueFrom(now));
    assertEquals(now.plusSeconds(50), schedule.at(now.plusSeconds(50), now));
  }

  @Test
  void shouldBackOffFurtherPerFailureAndStartAgainAfterASuccess() {
    Schedule schedule = new Schedule(Duration.ofSeconds(1));
    Duration first = schedule.failed();
    Duration second = schedule.failed();
    schedule.succeeded(Instant.EPOCH, Instant.EPOCH);
    Duration again = schedule.failed();
    assertEquals(1, first.toSeconds());
    assertEquals(2, second.toSeconds());
    assertEquals(1, again.toSeconds());
  }
}
