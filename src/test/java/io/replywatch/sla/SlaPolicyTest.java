package io.replywatch.sla;

import static io.replywatch.testing.Posts.as;
import static io.replywatch.testing.Posts.mention;
import static io.replywatch.testing.Posts.post;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.classify.Category;
import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig.Calendar;
import io.replywatch.config.ReplywatchConfig.Policy;
import io.replywatch.sla.calendar.Window;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A policy whose calendar never runs long enough (its holidays cover every window for decades: the config check
 * sees only the years after the load) gives the episode no deadline, instead of an exception on every poll.
 */
class SlaPolicyTest {
  private static final Instant OPENED = Instant.parse("2026-11-22T12:00:00Z");
  /** Open one minute on Mondays, and every Monday of the next 25 years a holiday. */
  private static final Calendar SHUT = new Calendar("shut", ZoneId.of("Europe/Berlin"),
      Map.of(DayOfWeek.MONDAY, List.of(new Window(LocalTime.of(9, 0), LocalTime.of(9, 1), false))),
      Stream.iterate(LocalDate.of(2026, 11, 23), d -> d.plusWeeks(1)).limit(52 * 25).collect(Collectors.toSet()));
  private static final Policy POLICY = new Policy(Set.of(), Set.of(), Set.of(Category.COMPLAINT),
      Optional.of(Duration.ofMinutes(30)), Optional.of(Duration.ofMinutes(60)), Optional.of(SHUT));

  @Test
  void shouldGiveNoDeadlineWhenTheCalendarNeverRunsThatLong() {
    SlaPolicy policy = SlaPolicy.resolve(List.of(POLICY), "acme", Platform.MASTODON, Category.COMPLAINT);
    assertEquals(Optional.empty(), policy.deadline(OPENED, Level.WARNING));
    assertEquals(Optional.empty(), policy.deadline(OPENED, Level.BREACH));
    assertEquals(Optional.of(Duration.ofMinutes(60)), policy.breach(), "the target itself is kept");
  }

  @Test
  void shouldKeepTrackingThroughThePollPathWhenNoDeadlineCanBeFound() {
    RecordingListener listener = new RecordingListener();
    SlaTracker tracker = new SlaTracker(List.of(POLICY), listener);
    tracker.onMention(mention("m1", "jane", OPENED, null), as(Category.COMPLAINT));
    tracker.onMention(mention("m2", "joe", OPENED.plusSeconds(60), null), as(Category.COMPLAINT));
    assertEquals(2, tracker.openEpisodes().size(), "both mentions of the batch opened episodes");
    assertEquals(Optional.empty(), tracker.nextDeadline());
    tracker.fireDue(OPENED.plus(Duration.ofDays(400)));
    assertEquals(List.of(), listener.levels(), "nothing falls due");
    tracker.onBrandReply("acme", post("r1", "acme", OPENED.plusSeconds(600), "m1"));
    assertEquals(1, tracker.openEpisodes().size(), "the answer still closes its episode");
  }
}
