package io.replywatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuietHoursTest {
  private static final QuietHours NIGHT = new QuietHours(ZoneId.of("Europe/Berlin"), LocalTime.of(22, 0), LocalTime.of(7, 0));
  private static final QuietHours LUNCH = new QuietHours(ZoneId.of("America/New_York"), LocalTime.of(12, 0), LocalTime.of(13, 0));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "2026-09-01T19:59:00Z, ''",                       // 21:59 Berlin (CEST): not yet
      "2026-09-01T20:00:00Z, 2026-09-02T05:00:00Z",     // 22:00 Berlin: quiet until 07:00 next day
      "2026-09-02T01:30:00Z, 2026-09-02T05:00:00Z",     // 03:30 after midnight
      "2026-09-02T05:00:00Z, ''",                       // 07:00: open again
      "2026-10-24T21:00:00Z, 2026-10-25T06:00:00Z",     // the night DST ends: 07:00 CET is 06:00Z
  })
  void shouldDeferToTheEndOfANightThatCrossesMidnight(String now, String until) {
    assertEquals(until.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(until)), NIGHT.endIfQuiet(Instant.parse(now)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"2026-09-01T16:30:00Z, 2026-09-01T17:00:00Z", "2026-09-01T17:00:00Z, ''", "2026-09-01T15:59:59Z, ''"})
  void shouldHandleAWindowWithinOneDay(String now, String until) {
    assertEquals(until.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(until)), LUNCH.endIfQuiet(Instant.parse(now)));
  }
}
