package io.replywatch.notify.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.replywatch.notify.Events;
import io.replywatch.sla.Level;
import io.replywatch.sla.SlaEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AlertmanagerResenderTest {

  private static final Instant T0 = Instant.parse("2026-09-01T11:00:00Z");
  private static final Duration INTERVAL = Duration.ofMinutes(1);

  private static Instant t(int seconds) {
    return T0.plusSeconds(seconds);
  }

  /** A firing breach sent at T0: what each tick (seconds after T0) re-sends, ticks applied in order. */
  static Stream<Arguments> firingTicks() {
    return Stream.of(
        Arguments.of(new int[] {30}, new int[] {0}),
        Arguments.of(new int[] {59, 60}, new int[] {0, 1}),
        Arguments.of(new int[] {60, 90, 120}, new int[] {1, 0, 1}),
        Arguments.of(new int[] {600}, new int[] {1}),
        Arguments.of(new int[] {3600, 3600}, new int[] {1, 0}));
  }

  @ParameterizedTest
  @MethodSource("firingTicks")
  void shouldResendFiringEveryIntervalUntilResolved(int[] ticks, int[] expectedCounts) {
    AlertmanagerResender resender = new AlertmanagerResender(INTERVAL);
    resender.sent(Events.breach(), T0);
    for (int i = 0; i < ticks.length; i++) {
      assertEquals(expectedCounts[i], resender.due(t(ticks[i])).size(), "tick " + ticks[i]);
    }
  }

  @Test
  void shouldResendWarningAndBreachOfOneEpisodeTogether() {
    AlertmanagerResender resender = new AlertmanagerResender(INTERVAL);
    resender.sent(Events.breach(), T0);
    resender.sent(Events.warning(), T0);
    List<SlaEvent> due = resender.due(t(60));
    assertEquals(List.of(Level.WARNING, Level.BREACH), due.stream().map(SlaEvent::level).toList());
  }

  @Test
  void shouldResendResolvedForFiveMinutesThenForget() {
    AlertmanagerResender resender = new AlertmanagerResender(INTERVAL);
    resender.sent(Events.breach(), T0);
    resender.sent(Events.resolved(), t(30));
    int resolvedSends = 0;
    for (int s = 31; s <= 30 + 600; s++) {
      for (SlaEvent e : resender.due(t(s))) {
        assertEquals(Level.RESOLVED, e.level(), "no firing re-send after the resolve");
        resolvedSends++;
      }
    }
    assertEquals(4, resolvedSends, "at +60s, +120s, +180s, +240s; +300s is the end of the window");
    assertEquals(0, resender.size());
    assertNull(resender.nextDue());
  }

  @Test
  void shouldNotReopenWhenFiringArrivesAfterResolve() {
    AlertmanagerResender resender = new AlertmanagerResender(INTERVAL);
    resender.sent(Events.resolved(), T0);
    resender.sent(Events.breach(), t(10));
    assertEquals(List.of(Level.RESOLVED), resender.due(t(60)).stream().map(SlaEvent::level).toList());
  }

  @Test
  void shouldReportNextDueForOneTimer() {
    AlertmanagerResender resender = new AlertmanagerResender(INTERVAL);
    assertNull(resender.nextDue());
    resender.sent(Events.breach(), T0);
    resender.sent(Events.forMention(Events.warning(), "other"), t(20));
    assertEquals(t(60), resender.nextDue());
    resender.due(t(60));
    assertEquals(t(80), resender.nextDue());
  }

  @Test
  void shouldKeepEpisodesApart() {
    AlertmanagerResender resender = new AlertmanagerResender(INTERVAL);
    resender.sent(Events.breach(), T0);
    resender.sent(Events.forMention(Events.breach(), "m2"), T0);
    resender.sent(Events.resolved(), t(10));
    List<SlaEvent> due = resender.due(t(70));
    assertEquals(2, due.size());
    assertEquals(Level.RESOLVED, due.get(0).level());
    assertEquals("m2", due.get(1).mentionId());
  }
}
