package io.replywatch.sla.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.sla.calendar.Window;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Deadlines are written with their UTC offset, so a row is unambiguous inside a fall-back overlap and a wrong
 * offset (a fixed-offset implementation) fails. Berlin: CET→CEST 2026-03-29 02:00, CEST→CET 2026-10-25 03:00.
 * New York: EST→EDT 2026-03-08 02:00, EDT→EST 2026-11-01 02:00.
 */
class BusinessHoursTest {
  static final String OFFICE = "mon-fri 09:00-18:00";
  static final String SPLIT = "mon-fri 09:00-12:00 13:00-18:00; sat 10:00-14:00";
  static final String ALL_DAY = "mon-sun 00:00-24:00";

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      // what                                     | zone             | hours                              | holidays   | opened                    | target | deadline
      "issue example: Fri 17:50 + 30m             | Europe/Berlin    | " + OFFICE + "                      |            | 2026-11-20T17:50+01:00    | 30m    | 2026-11-23T09:20+01:00",
      "Saturday window comes first                | Europe/Berlin    | " + SPLIT + "                       |            | 2026-11-20T17:50+01:00    | 30m    | 2026-11-21T10:20+01:00",
      "lunch break stops the clock                | Europe/Berlin    | " + SPLIT + "                       |            | 2026-11-23T11:50+01:00    | 30m    | 2026-11-23T13:20+01:00",
      "opened during lunch                        | Europe/Berlin    | " + SPLIT + "                       |            | 2026-11-23T12:30+01:00    | 30m    | 2026-11-23T13:30+01:00",
      "opened Sunday night                        | Europe/Berlin    | " + SPLIT + "                       |            | 2026-11-22T22:00+01:00    | 30m    | 2026-11-23T09:30+01:00",
      "opened before opening                      | Europe/Berlin    | " + OFFICE + "                      |            | 2026-11-23T06:00+01:00    | 60m    | 2026-11-23T10:00+01:00",
      "ends exactly at closing, not next morning  | Europe/Berlin    | " + OFFICE + "                      |            | 2026-11-23T17:30+01:00    | 30m    | 2026-11-23T18:00+01:00",
      "target spans several days                  | Europe/Berlin    | " + OFFICE + "                      |            | 2026-11-23T09:00+01:00    | 20h    | 2026-11-25T11:00+01:00",
      "target spans a weekend and a week          | Europe/Berlin    | " + OFFICE + "                      |            | 2026-11-20T17:00+01:00    | 46h    | 2026-11-27T18:00+01:00",
      "holiday skipped                            | Europe/Berlin    | " + SPLIT + "                       | 2026-12-25 | 2026-12-24T17:30+01:00    | 60m    | 2026-12-26T10:30+01:00",
      "holiday Friday and weekend skipped         | Europe/Berlin    | " + OFFICE + "                      | 2026-12-25 | 2026-12-24T17:45+01:00    | 30m    | 2026-12-28T09:15+01:00",
      "Berlin spring: weekend across the change   | Europe/Berlin    | " + OFFICE + "                      |            | 2026-03-27T17:00+01:00    | 2h     | 2026-03-30T10:00+02:00",
      "Berlin spring: 24h day is 23h long         | Europe/Berlin    | " + ALL_DAY + "                     |            | 2026-03-28T12:00+01:00    | 24h    | 2026-03-29T13:00+02:00",
      "Berlin spring: window across the gap       | Europe/Berlin    | sun 01:00-04:00                     |            | 2026-03-29T01:00+01:00    | 150m   | 2026-04-05T01:30+02:00",
      "Berlin fall: weekend across the change     | Europe/Berlin    | " + OFFICE + "                      |            | 2026-10-23T17:00+02:00    | 2h     | 2026-10-26T10:00+01:00",
      "Berlin fall: 24h day is 25h long           | Europe/Berlin    | " + ALL_DAY + "                     |            | 2026-10-24T12:00+02:00    | 24h    | 2026-10-25T11:00+01:00",
      "Berlin fall: window over the repeated hour | Europe/Berlin    | sun 01:00-04:00                     |            | 2026-10-25T01:00+02:00    | 210m   | 2026-10-25T03:30+01:00",
      "Berlin fall: deadline in the overlap       | Europe/Berlin    | sun 01:00-04:00                     |            | 2026-10-25T01:00+02:00    | 90m    | 2026-10-25T02:30+02:00",
      "Berlin fall: second pass of the overlap    | Europe/Berlin    | sun 01:00-04:00                     |            | 2026-10-25T01:00+02:00    | 150m   | 2026-10-25T02:30+01:00",
      "New York spring: weekend across the change | America/New_York | mon-fri 09:00-17:00                 |            | 2026-03-06T16:30-05:00    | 60m    | 2026-03-09T09:30-04:00",
      "New York spring: 24h day is 23h long       | America/New_York | " + ALL_DAY + "                     |            | 2026-03-07T12:00-05:00    | 24h    | 2026-03-08T13:00-04:00",
      "New York spring: window ends after the gap | America/New_York | sun 00:00-06:00                     |            | 2026-03-08T00:00-05:00    | 5h     | 2026-03-08T06:00-04:00",
      "New York spring: window opens in the gap   | America/New_York | sun 02:30-05:00                     |            | 2026-03-07T20:00-05:00    | 30m    | 2026-03-08T03:30-04:00",
      "New York fall: weekend across the change   | America/New_York | mon-fri 09:00-17:00                 |            | 2026-10-30T16:30-04:00    | 60m    | 2026-11-02T09:30-05:00",
      "New York fall: 24h day is 25h long         | America/New_York | " + ALL_DAY + "                     |            | 2026-10-31T12:00-04:00    | 24h    | 2026-11-01T11:00-05:00",
      "New York fall: window ends in the overlap  | America/New_York | sun 00:30-01:30                     |            | 2026-10-31T12:00-04:00    | 90m    | 2026-11-01T01:00-05:00",
  })
  void shouldComputeTheDeadline(String what, String zone, String hours, String holidays, String opened, String target,
      String deadline) {
    BusinessHours cal = calendar(zone, hours, holidays);
    Instant start = OffsetDateTime.parse(opened).toInstant();
    Duration t = io.replywatch.time.Durations.parse(target).orElseThrow();
    Instant due = cal.deadline(start, t).orElseThrow();
    assertEquals(OffsetDateTime.parse(deadline).toInstant(), due, what);
    assertEquals(t, cal.elapsed(start, due), "the clock ran exactly the target until the deadline: " + what);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "weekend does not count           | Europe/Berlin    | " + OFFICE + "  | 2026-11-20T17:50+01:00 | 2026-11-23T09:20+01:00 | 30",
      "lunch does not count             | Europe/Berlin    | " + SPLIT + "   | 2026-11-23T11:00+01:00 | 2026-11-23T14:00+01:00 | 120",
      "Berlin spring day is 23h         | Europe/Berlin    | " + ALL_DAY + " | 2026-03-28T12:00+01:00 | 2026-03-29T12:00+02:00 | 1380",
      "Berlin fall day is 25h           | Europe/Berlin    | " + ALL_DAY + " | 2026-10-24T12:00+02:00 | 2026-10-25T12:00+01:00 | 1500",
      "New York fall day is 25h         | America/New_York | " + ALL_DAY + " | 2026-10-31T12:00-04:00 | 2026-11-01T12:00-05:00 | 1500",
      "reversed interval is zero        | Europe/Berlin    | " + OFFICE + "  | 2026-11-23T12:00+01:00 | 2026-11-23T10:00+01:00 | 0",
      "entirely outside hours is zero   | Europe/Berlin    | " + OFFICE + "  | 2026-11-21T09:00+01:00 | 2026-11-22T18:00+01:00 | 0",
  })
  void shouldCountOnlyBusinessTimeAsElapsed(String what, String zone, String hours, String from, String to, long minutes) {
    BusinessHours cal = calendar(zone, hours, "");
    assertEquals(Duration.ofMinutes(minutes),
        cal.elapsed(OffsetDateTime.parse(from).toInstant(), OffsetDateTime.parse(to).toInstant()), what);
  }

  @Test
  void shouldMatchTheAlwaysCalendarWhenOpenAllDayInAnyZone() {
    BusinessHours cal = calendar("America/New_York", ALL_DAY, "");
    Instant start = Instant.parse("2026-03-07T17:13:00Z");
    for (int h = 0; h < 24 * 300; h += 7) {
      assertEquals(Optional.of(start.plus(Duration.ofHours(h))), cal.deadline(start, Duration.ofHours(h)), "+" + h + "h");
    }
  }

  @Test
  void shouldReturnTheStartForAZeroTarget() {
    Instant sunday = Instant.parse("2026-11-22T12:00:00Z");
    assertEquals(Optional.of(sunday), calendar("Europe/Berlin", OFFICE, "").deadline(sunday, Duration.ZERO));
  }

  @Test
  void shouldGiveNoDeadlineRatherThanThrowWhenThereIsNoBusinessTime() {
    BusinessHours cal = new BusinessHours(ZoneId.of("UTC"), Map.of(), Set.of());
    assertEquals(Optional.empty(), cal.deadline(Instant.EPOCH, Duration.ofMinutes(1)));
    assertEquals(Optional.empty(), cal.deadline(Instant.EPOCH, Duration.ofMinutes(1)), "and again, unchanged");
  }

  @Test
  void shouldGiveNoDeadlineWhenHolidaysCoverEveryWindowOfTheSearch() {
    // One minute on Mondays, and every Monday of the next 25 years a holiday: the clock never runs.
    LocalDate monday = LocalDate.of(2026, 11, 23);
    String holidays = java.util.stream.Stream.iterate(monday, d -> d.plusWeeks(1)).limit(52 * 25)
        .map(LocalDate::toString).collect(Collectors.joining(","));
    BusinessHours cal = calendar("Europe/Berlin", "mon 09:00-09:01", holidays);
    Instant opened = OffsetDateTime.parse("2026-11-22T12:00+01:00").toInstant();
    assertEquals(Optional.empty(), cal.deadline(opened, Duration.ofMinutes(1)));
    assertEquals(Duration.ZERO, cal.elapsed(opened, opened.plus(Duration.ofDays(365))));
    // the same minute a week after the last holiday is found
    assertEquals(Optional.of(monday.plusWeeks(52 * 25).atTime(9, 1).atZone(ZoneId.of("Europe/Berlin")).toInstant()),
        cal.deadline(opened.plus(Duration.ofDays(365 * 5)), Duration.ofMinutes(1)));
  }

  /** "mon-fri 09:00-12:00 13:00-18:00; sat 10:00-14:00" in a zone, with comma-separated holidays. */
  static BusinessHours calendar(String zone, String hours, String holidays) {
    Map<DayOfWeek, List<Window>> week = new EnumMap<>(DayOfWeek.class);
    for (String part : hours.split(";")) {
      String[] words = part.trim().split("\\s+");
      List<Window> windows = new ArrayList<>();
      for (String w : Arrays.asList(words).subList(1, words.length)) {
        String[] se = w.split("-");
        boolean midnight = se[1].equals("24:00");
        windows.add(new Window(LocalTime.parse(se[0]), midnight ? LocalTime.MIDNIGHT : LocalTime.parse(se[1]), midnight));
      }
      String[] range = words[0].split("-");
      int from = day(range[0]);
      int to = day(range[range.length - 1]);
      for (int d = from; d <= to; d++) {
        week.put(DayOfWeek.of(d), windows);
      }
    }
    Set<LocalDate> days = holidays == null || holidays.isBlank() ? Set.of()
        : Arrays.stream(holidays.split(",")).map(String::trim).map(LocalDate::parse).collect(Collectors.toSet());
    return new BusinessHours(ZoneId.of(zone), week, days);
  }

  private static int day(String name) {
    return List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun").indexOf(name) + 1;
  }
}
