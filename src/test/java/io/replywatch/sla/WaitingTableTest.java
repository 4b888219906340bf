package io.replywatch.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.classify.Category;
import io.replywatch.config.Platform;
import io.replywatch.sla.calendar.BusinessCalendar;
import io.replywatch.sla.calendar.BusinessHours;
import io.replywatch.sla.calendar.Window;
import io.replywatch.time.ManualClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who waits, by age: wall time for 24/7 policies, business time where the policy has business hours. */
class WaitingTableTest {

  @Test
  void shouldBucketByTheTimeThatCountsAgainstTheSla() {
    Instant mondayNine10 = Instant.parse("2026-09-07T09:10:00Z");
    ManualClock clock = new ManualClock(mondayNine10);
    Map<DayOfWeek, List<Window>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY)) {
      week.put(d, List.of(new Window(LocalTime.of(9, 0), LocalTime.of(18, 0), false)));
    }
    BusinessCalendar office = new BusinessHours(ZoneId.of("UTC"), week, Set.of());
    WaitingTable table = new WaitingTable(clock);
    table.open("a", "acme", Platform.X, Category.COMPLAINT, mondayNine10.minus(Duration.ofMinutes(40)),
        BusinessCalendar.ALWAYS);
    table.open("b", "acme", Platform.X, Category.COMPLAINT, Instant.parse("2026-09-04T17:50:00Z"), office);
    table.open("c", "acme", Platform.X, Category.COMPLAINT, Instant.parse("2026-09-04T17:50:00Z"),
        BusinessCalendar.ALWAYS);

    assertEquals(1, table.count("acme", Platform.X, Category.COMPLAINT, WaitingTable.Age.FROM_30M_TO_60M));
    assertEquals(1, table.count("acme", Platform.X, Category.COMPLAINT, WaitingTable.Age.UNDER_30M),
        "Friday 17:50 to Monday 09:10 is 20 minutes of business time");
    assertEquals(1, table.count("acme", Platform.X, Category.COMPLAINT, WaitingTable.Age.OVER_60M));

    table.close("a");
    clock.advance(Duration.ofMinutes(15));
    assertEquals(1, table.count("acme", Platform.X, Category.COMPLAINT, WaitingTable.Age.FROM_30M_TO_60M),
        "b has now waited 35 business minutes; a is gone");
    assertEquals(0, table.count("acme", Platform.X, Category.COMPLAINT, WaitingTable.Age.UNDER_30M));
  }
}
