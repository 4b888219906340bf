package io.replywatch.sla;

import static io.replywatch.testing.Posts.T0;
import static io.replywatch.testing.Posts.as;
import static io.replywatch.testing.Posts.mention;
import static io.replywatch.testing.Posts.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.classify.Category;
import io.replywatch.config.ConfigLoader;
import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig.Calendar;
import io.replywatch.config.ReplywatchConfig.Policy;
import io.replywatch.sla.calendar.Window;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a support lead relies on, end to end through the tracker: episodes, targets in business time, events. */
class SlaSemanticsTest {
  private final RecordingListener listener = new RecordingListener();
  private final SlaTracker tracker = new SlaTracker(ConfigLoader.defaultPolicies(), listener);

  private static Instant at(String offsetDateTime) {
    return OffsetDateTime.parse(offsetDateTime).toInstant();
  }

  private static SlaTracker withHours(RecordingListener l, ZoneId zone, Map<DayOfWeek, List<Window>> week,
      Set<LocalDate> holidays) {
    Calendar cal = new Calendar("cal", zone, week, holidays);
    Policy p = new Policy(Set.of(), Set.of(), Set.of(Category.COMPLAINT, Category.QUESTION),
        Optional.of(Duration.ofMinutes(30)), Optional.of(Duration.ofMinutes(60)), Optional.of(cal));
    return new SlaTracker(List.of(p), l);
  }

  private static Window w(String from, String to) {
    return to.equals("24:00") ? new Window(LocalTime.parse(from), LocalTime.MIDNIGHT, true)
        : new Window(LocalTime.parse(from), LocalTime.parse(to), false);
  }

  @Test
  void shouldStartTheClockAtTheNextWindowForAMentionOnAHolidayEveningBeforeAWeekend() {
    // Berlin, two windows a day; Thu 2026-12-24 evening, Fri 25 a holiday: the clock starts Monday 09:00
    SlaTracker hours = withHours(listener, ZoneId.of("Europe/Berlin"),
        Map.of(DayOfWeek.MONDAY, List.of(w("09:00", "12:00"), w("13:00", "18:00")),
            DayOfWeek.THURSDAY, List.of(w("09:00", "12:00"), w("13:00", "18:00")),
            DayOfWeek.FRIDAY, List.of(w("09:00", "12:00"), w("13:00", "18:00"))),
        Set.of(LocalDate.parse("2026-12-25")));
    hours.onMention(mention("m1", "jane", at("2026-12-24T19:00+01:00"), null), as(Category.COMPLAINT));
    assertEquals(Optional.of(at("2026-12-28T09:30+01:00")), hours.nextDeadline());
    hours.fireDue(at("2026-12-28T09:59+01:00"));
    assertEquals(List.of("warning:mastodon-m1"), listener.levels());
    hours.fireDue(at("2026-12-28T10:00+01:00"));
    assertEquals(List.of("warning:mastodon-m1", "breach:mastodon-m1"), listener.levels());
    assertEquals(at("2026-12-28T09:30+01:00"), listener.events.get(0).at(), "nothing before Monday counts");
    assertEquals(Duration.ofMinutes(60), listener.events.get(1).waited(), "waited is business time");
  }

  @Test
  void shouldRunANightShiftAcrossMidnightAndTheSpringForwardGap() {
    // Berlin 2026-03-29: 02:00 CET jumps to 03:00 CEST; the shift is Sat 22:00-24:00 and Sun 00:00-06:00
    SlaTracker hours = withHours(listener, ZoneId.of("Europe/Berlin"),
        Map.of(DayOfWeek.SATURDAY, List.of(w("22:00", "24:00")), DayOfWeek.SUNDAY, List.of(w("00:00", "06:00"))),
        Set.of());
    hours.onMention(mention("m1", "jane", at("2026-03-28T23:45+01:00"), null), as(Category.COMPLAINT));
    hours.fireDue(at("2026-03-29T03:15+02:00"));
    assertEquals(List.of("warning:mastodon-m1", "breach:mastodon-m1"), listener.levels());
    assertEquals(at("2026-03-29T00:15+01:00"), listener.events.get(0).at());
    assertEquals(at("2026-03-29T00:45+01:00"), listener.events.get(1).at());
    // 15m before midnight, 2h to the gap, 15m after it: the skipped hour is not business time
    assertEquals(Duration.ofMinutes(150), hours.openEpisodes().iterator().next().policy().calendar()
        .elapsed(at("2026-03-28T23:45+01:00"), at("2026-03-29T03:15+02:00")));
  }

  @Test
  void shouldCountTheRepeatedHourOfANewYorkFallBackNight() {
    // New York 2026-11-01: 02:00 EDT falls back to 01:00 EST; the shift is Sat 23:00-24:00 and Sun 00:00-06:00
    SlaTracker hours = withHours(listener, ZoneId.of("America/New_York"),
        Map.of(DayOfWeek.SATURDAY, List.of(w("23:00", "24:00")), DayOfWeek.SUNDAY, List.of(w("00:00", "06:00"))),
        Set.of());
    Instant opened = at("2026-10-31T23:30-04:00");
    hours.onMention(mention("m1", "jane", opened, null), as(Category.QUESTION));
    Episode e = hours.openEpisodes().iterator().next();
    assertEquals(Optional.of(at("2026-11-01T00:00-04:00")), e.policy().deadline(opened, Level.WARNING));
    assertEquals(Optional.of(at("2026-11-01T01:30-04:00")),
        e.policy().calendar().deadline(opened, Duration.ofHours(2)));
    assertEquals(Optional.of(at("2026-11-01T01:30-05:00")),
        e.policy().calendar().deadline(opened, Duration.ofHours(3)),
        "the second 01:30 of the night: the repeated hour counts");
  }

  @Test
  void shouldOpenOneEpisodeAtTheFirstUnansweredMessageAndTellFirstFromNext() {
    tracker.onMention(mention("m1", "jane", T0, null), as(Category.COMPLAINT));
    tracker.onMention(mention("m2", "jane", T0.plusSeconds(600), "m1"), as(Category.COMPLAINT));
    tracker.onMention(mention("m3", "jane", T0.plusSeconds(1200), "m2"), as(Category.COMPLAINT));
    assertEquals(1, listener.opened.size());
    tracker.onBrandReply("acme", post("r1", "acme", T0.plusSeconds(1500), "m3"));
    assertEquals(Optional.of(Duration.ofSeconds(1500)), listener.closed.get(0).responseTime());
    assertTrue(listener.closed.get(0).isFirst());
    tracker.onMention(mention("m4", "jane", T0.plusSeconds(1800), "r1"), as(Category.COMPLAINT));
    tracker.onBrandReply("acme", post("r2", "acme", T0.plusSeconds(2400), "m4"));
    assertFalse(listener.closed.get(1).isFirst(), "next response time");
    assertEquals(Optional.of(Duration.ofSeconds(600)), listener.closed.get(1).responseTime());
    tracker.fireDue(T0.plus(Duration.ofHours(3)));
    assertEquals(List.of(), listener.levels());
  }

  @Test
  void shouldGiveNextResponseTimeToAConversationKnownBeforeARestart() {
    tracker.rememberPost("acme", Platform.MASTODON, "m1", "m1", "jane", T0);
    tracker.rememberPost("acme", Platform.MASTODON, "r1", "m1", null, T0.plusSeconds(60));
    tracker.onMention(mention("m2", "jane", T0.plusSeconds(600), "r1"), as(Category.COMPLAINT));
    assertFalse(listener.opened.get(0).isFirst());
    assertEquals("m1", listener.opened.get(0).conversation());
  }

  @Test
  void shouldFireWarningAndBreachOnceEachForAnEpisodeFirstSeenPastBothAndResolveOnce() {
    Instant now = T0.plus(Duration.ofHours(3));
    tracker.onMention(mention("m1", "jane", T0, null), as(Category.COMPLAINT));
    tracker.fireDue(now);
    tracker.fireDue(now);
    tracker.onBrandReply("acme", post("r1", "acme", now.plusSeconds(60), "m1"));
    tracker.onBrandReply("acme", post("r1", "acme", now.plusSeconds(60), "m1"));
    tracker.onBrandReply("acme", post("r2", "acme", now.plusSeconds(120), "m1"));
    tracker.fireDue(now.plus(Duration.ofDays(1)));
    assertEquals(List.of("warning:mastodon-m1", "breach:mastodon-m1", "resolved:mastodon-m1"), listener.levels());
    assertEquals(T0.plus(Duration.ofMinutes(30)), listener.events.get(0).at(), "the deadline, not the time seen");
  }

  @Test
  void shouldNotFireAgainForARestoredEpisodeThatAlreadyWarnedAndBreachOnlyOnce() {
    Episode restored = Episode.restored(mention("m1", "jane", T0, null), as(Category.COMPLAINT), "m1",
        SlaPolicy.resolve(ConfigLoader.defaultPolicies(), "acme", Platform.MASTODON, Category.COMPLAINT), true,
        List.of("m1"), List.of(T0), Set.of(Level.WARNING));
    tracker.restore(restored);
    assertEquals(Optional.of(T0.plus(Duration.ofMinutes(60))), tracker.nextDeadline(), "only the breach re-armed");
    tracker.fireDue(T0.plus(Duration.ofHours(5)));
    tracker.fireDue(T0.plus(Duration.ofHours(6)));
    assertEquals(List.of("breach:mastodon-m1"), listener.levels());
    tracker.closeByHand("mastodon-m1", "answered by phone", T0.plus(Duration.ofHours(7)));
    assertEquals(List.of("breach:mastodon-m1", "resolved:mastodon-m1"), listener.levels());
    assertEquals(Optional.of("answered by phone"), listener.closed.get(0).closeReason());
  }
}
