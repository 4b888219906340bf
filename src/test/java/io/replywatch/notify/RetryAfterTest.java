package io.replywatch.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "7|PT7S",
      " 30 |PT30S",
      "0|PT0S",
      "Wed, 21 Oct 2015 07:28:10 GMT|PT10S",
      "Wed, 21 Oct 2015 07:27:00 GMT|PT0S",
      "999999|PT1H",
      "99999999999999999999999|PT1H",
      "-5|null",
      "soon|null",
      "''|null",
      "null|null",
  })
  void shouldParseSecondsOrDate(String header, String expected) {
    Optional<Duration> want = expected == null ? Optional.empty() : Optional.of(Duration.parse(expected));
    assertEquals(want, RetryAfter.parse(header, NOW));
  }
}
