package io.replywatch.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.replywatch.classify.Category;
import io.replywatch.config.ReplywatchConfig.Alerts;
import io.replywatch.config.ReplywatchConfig.Calendar;
import io.replywatch.config.ReplywatchConfig.Policy;
import io.replywatch.ingest.Mention;
import io.replywatch.ingest.Post;
import io.replywatch.metrics.ServiceMetrics;
import io.replywatch.notify.Events;
import io.replywatch.sla.calendar.Window;
import io.replywatch.store.Database;
import io.replywatch.store.SqliteSlaStore;
import io.replywatch.testing.Posts;
import io.replywatch.time.ManualClock;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live log the recorder writes: a post's author must not be able to add a line of their own to it; and the
 * response-time histograms it records, in wall-clock and SLA-clock time.
 */
class RecorderTest {
  private static final String FORGED = "jane\n03:00:00  RESOLVED  forged line\u202e";

  @TempDir
  Path dir;

  @Test
  void shouldKeepEachLogEntryOnOneLineWhateverTheAuthorCalledThemselves() {
    ManualClock clock = new ManualClock(Posts.T0);
    List<String> log = new ArrayList<>();
    try (Database db = Database.open(dir.resolve("t.db"))) {
      SlaStore store = new SqliteSlaStore(db);
      Recorder recorder = new Recorder(store, new ServiceMetrics(new SimpleMeterRegistry()), new WaitingTable(clock),
          new ActivityLog(log::add, clock), new Alerts(List.of(), List.of()), clock);
      Mention m = Posts.mention("1", "jane", Posts.T0, null);
      Post p = m.post();
      Mention forged = new Mention(m.brand(), m.account(), new Post(p.platform(), p.id(), p.authorId(), FORGED,
          p.text(), p.createdAt(), p.inReplyToId(), p.conversationId(), p.permalink(), p.language()),
          m.receivedAt());

      recorder.mention(forged, Posts.as(Category.COMPLAINT));
      store.inTransaction(() -> recorder.event(Events.withText(Events.breach(), FORGED, "hi", Events.PERMALINK)));
    }

    assertEquals(2, log.size(), log.toString());
    for (String line : log) {
      assertTrue(line.lines().count() == 1 && line.chars().noneMatch(c -> Character.getType(c) == Character.FORMAT
          || Character.isISOControl(c)), line);
      assertTrue(line.contains("@jane 03:00:00 RESOLVED forged line"), line);
    }
  }

  /** A spam mention closed by hand after a day must not count as a day-long response on the dashboards. */
  @Test
  void shouldRecordResponseTimesOnlyForEpisodesTheBrandAnswered() {
    ManualClock clock = new ManualClock(Posts.T0);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Database db = Database.open(dir.resolve("t.db"))) {
      SlaStore store = new SqliteSlaStore(db);
      Recorder recorder = new Recorder(store, new ServiceMetrics(registry), new WaitingTable(clock),
          new ActivityLog(line -> { }, clock), new Alerts(List.of(), List.of()), clock);
      SlaTracker tracker = new SlaTracker(io.replywatch.config.ConfigLoader.defaultPolicies(), recorder);
      store.inTransaction(() -> {
        Mention spam = Posts.mention("1", "spammer", Posts.T0, null);
        store.saveMention(spam, Posts.as(Category.NEUTRAL));
        tracker.onMention(spam, Posts.as(Category.NEUTRAL));
        Mention jane = Posts.mention("2", "jane", Posts.T0, null);
        store.saveMention(jane, Posts.as(Category.NEUTRAL));
        tracker.onMention(jane, Posts.as(Category.NEUTRAL));
        tracker.closeByHand("mastodon-1", "spam", Posts.T0.plus(java.time.Duration.ofDays(1)));
        tracker.onBrandReply("acme", Posts.post("3", "acme", Posts.T0.plusSeconds(120), "2"));
      });
    }
    // Without a calendar the SLA clock is the wall clock.
    for (String name : List.of("replywatch.response", "replywatch.first.response", "replywatch.response.sla")) {
      var timer = registry.get(name).tag("category", "neutral").timer();
      assertEquals(1, timer.count(), name + ": only jane's answered episode");
      assertEquals(120.0, timer.max(java.util.concurrent.TimeUnit.SECONDS), name);
    }
  }

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant FRIDAY_1755 = ZonedDateTime.of(2026, 11, 6, 17, 55, 0, 0, BERLIN).toInstant();
  private static final Instant MONDAY_0910 = ZonedDateTime.of(2026, 11, 9, 9, 10, 0, 0, BERLIN).toInstant();
  /** Weekdays 09:00 to 18:00 in Berlin. */
  private static final Calendar OFFICE = new Calendar("office", BERLIN,
      EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY).stream().collect(Collectors.toMap(Function.identity(),
          d -> List.of(new Window(LocalTime.of(9, 0), LocalTime.of(18, 0), false)))), Set.of());

  /**
   * A complaint sent Friday 17:55 and answered Monday 09:10 under office hours: 5 minutes on Friday and 10 on
   * Monday are 15 business minutes, within the 30-minute warning target, as /api/v1/sla and replay say. The
   * SLA-clock histogram that the compliance rules read must count it within 1800 s; the wall-clock histogram
   * keeps the 63 h 15 min the customer waited, for the percentiles.
   */
  @Test
  void shouldRecordAWeekendAnswerInBusinessTimeOnTheSlaClockAndInWallTimeBesideIt() {
    ManualClock clock = new ManualClock(FRIDAY_1755);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    List<Policy> policies = List.of(new Policy(Set.of(), Set.of(), Set.of(Category.COMPLAINT),
        Optional.of(Duration.ofMinutes(30)), Optional.of(Duration.ofMinutes(60)), Optional.of(OFFICE)));
    try (Database db = Database.open(dir.resolve("t.db"))) {
      SlaStore store = new SqliteSlaStore(db);
      ServiceMetrics metrics = new ServiceMetrics(registry);
      metrics.initBrand("acme", io.replywatch.config.Platform.MASTODON);
      Recorder recorder = new Recorder(store, metrics, new WaitingTable(clock),
          new ActivityLog(line -> { }, clock), new Alerts(List.of(), List.of()), clock);
      SlaTracker tracker = new SlaTracker(policies, recorder);
      store.inTransaction(() -> {
        Mention jane = Posts.mention("1", "jane", FRIDAY_1755, null);
        store.saveMention(jane, Posts.as(Category.COMPLAINT));
        tracker.onMention(jane, Posts.as(Category.COMPLAINT));
        tracker.onBrandReply("acme", Posts.post("2", "acme", MONDAY_0910, "1"));
      });
    }
    long wall = Duration.between(FRIDAY_1755, MONDAY_0910).toSeconds();
    assertEquals(63 * 3600 + 15 * 60, wall);

    Timer sla = registry.get("replywatch.response.sla").tag("category", "complaint").timer();
    Timer response = registry.get("replywatch.response").tag("category", "complaint").timer();
    assertEquals(1, sla.count());
    assertEquals(15 * 60.0, sla.totalTime(TimeUnit.SECONDS));
    assertEquals(1, response.count());
    assertEquals(wall, response.totalTime(TimeUnit.SECONDS));

    // What the recording rules read: le="1800.0" and "3600.0" of the SLA-clock histogram count the answer, the
    // wall-clock histogram's do not.
    String scrape = registry.scrape();
    String labels = "brand=\"acme\",category=\"complaint\",platform=\"mastodon\"";
    for (String le : List.of("1800.0", "3600.0")) {
      assertEquals(1.0, sample(scrape, "replywatch_response_sla_seconds_bucket{" + labels + ",le=\"" + le + "\"}"), le);
      assertEquals(0.0, sample(scrape, "replywatch_response_seconds_bucket{" + labels + ",le=\"" + le + "\"}"), le);
    }
    assertEquals(1.0, sample(scrape, "replywatch_response_sla_seconds_count{" + labels + "}"));
    assertEquals(900.0, sample(scrape, "replywatch_response_sla_seconds_sum{" + labels + "}"));
    assertEquals((double) wall, sample(scrape, "replywatch_response_seconds_sum{" + labels + "}"));
  }

  private static double sample(String scrape, String series) {
    return scrape.lines()
        .filter(l -> l.startsWith(series + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(series + " not in the scrape:\n" + scrape));
  }
}
