package io.replywatch.sla;

import static io.replywatch.testing.Posts.T0;
import static io.replywatch.testing.Posts.as;
import static io.replywatch.testing.Posts.mention;
import static io.replywatch.testing.Posts.post;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.replywatch.classify.Category;
import io.replywatch.config.ConfigLoader;
import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig.Alerts;
import io.replywatch.ingest.Mention;
import io.replywatch.metrics.ServiceMetrics;
import io.replywatch.store.Database;
import io.replywatch.store.SqliteSlaStore;
import io.replywatch.time.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A follow-up more urgent than its episode ("hi" then "my order arrived broken") escalates it: the complaint gets
 * its clock, counted from the first unanswered message. Never the other way, and nothing fired is taken back.
 */
class EscalationTest {
  private static final Duration MIN = Duration.ofMinutes(1);

  private final RecordingListener listener = new RecordingListener();
  private final SlaTracker tracker = new SlaTracker(ConfigLoader.defaultPolicies(), listener);

  @TempDir
  Path dir;

  private static Instant t(int minutes) {
    return T0.plus(MIN.multipliedBy(minutes));
  }

  private List<String> categories() {
    return listener.events.stream().map(e -> e.level().id() + ":" + e.category().id()).toList();
  }

  @Test
  void shouldWarnAndPageAtTheTargetsFromTheOpeningWhenAComplaintFollowsANeutralMessage() {
    tracker.onMention(mention("m1", "jane", T0, null), as(Category.NEUTRAL));
    assertEquals(Optional.empty(), tracker.nextDeadline(), "neutral: measured, no clock");

    tracker.onMention(mention("m2", "jane", t(10), "m1"), as(Category.COMPLAINT));
    assertEquals(Optional.of(t(30)), tracker.nextDeadline(), "30 minutes from the first message, not from m2");
    Episode e = tracker.openEpisode("mastodon-m1").orElseThrow();
    assertEquals(Category.COMPLAINT, e.classification().category());
    assertEquals("m2", e.escalation().orElseThrow().by().post().id());

    tracker.fireDue(t(30).minusMillis(1));
    assertEquals(List.of(), listener.levels());
    tracker.fireDue(t(30));
    tracker.fireDue(t(60));
    assertEquals(List.of("warning:mastodon-m1", "breach:mastodon-m1"), listener.levels(), "the episode keeps its id");
    assertEquals(List.of("warning:complaint", "breach:complaint"), categories());
    assertEquals(t(60), listener.events.get(1).at());
    assertEquals(60, listener.events.get(1).waitedMinutes());
    SlaEvent page = listener.events.get(1);
    assertEquals("text of m2", page.text(), "the alert quotes the complaint that gave the clock, not the greeting");
    assertEquals("https://example.social/@jane/m2", page.permalink());
    assertEquals("m1", page.mentionId(), "the episode's opening post, as documented");
  }

  @Test
  void shouldWarnAtOnceWhenTheEpisodeIsAlreadyPastTheWarningTarget() {
    tracker.onMention(mention("m1", "jane", T0, null), as(Category.NEUTRAL));
    tracker.onMention(mention("m2", "jane", t(45), "m1"), as(Category.COMPLAINT));
    tracker.fireDue(t(45));
    assertEquals(List.of("warning:complaint"), categories(), "waited 45 minutes: past the 30-minute target");
    assertEquals(t(30), listener.events.get(0).at(), "the deadline, as for any episode first seen late");
    assertEquals(45, listener.events.get(0).waitedMinutes());
    assertEquals(Optional.of(t(60)), tracker.nextDeadline());
    tracker.fireDue(t(60));
    assertEquals(List.of("warning:complaint", "breach:complaint"), categories());
  }

  @Test
  void shouldStayAComplaintWhenPraiseFollows() {
    tracker.onMention(mention("m1", "jane", T0, null), as(Category.COMPLAINT));
    tracker.onMention(mention("m2", "jane", t(5), "m1"), as(Category.PRAISE));
    tracker.onMention(mention("m3", "jane", t(6), "m1"), as(Category.QUESTION));
    Episode e = tracker.openEpisode("mastodon-m1").orElseThrow();
    assertEquals(Category.COMPLAINT, e.classification().category());
    assertEquals(Optional.empty(), e.escalation());
    tracker.fireDue(t(60));
    assertEquals(List.of("warning:complaint", "breach:complaint"), categories());
  }

  @Test
  void shouldNotWarnAgainWhenAQuestionThatWarnedBecomesAComplaint() {
    tracker.onMention(mention("m1", "jane", T0, null), as(Category.QUESTION));
    tracker.fireDue(t(31));
    tracker.onMention(mention("m2", "jane", t(40), "m1"), as(Category.COMPLAINT));
    tracker.fireDue(t(40));
    tracker.fireDue(t(61));
    assertEquals(List.of("warning:question", "breach:complaint"), categories(), "each level once, never taken back");
  }

  @Test
  void shouldEscalateAnEpisodeRestoredAfterARestart() {
    Episode restored = Episode.restored(mention("m1", "jane", T0, null), as(Category.NEUTRAL), "m1",
        SlaPolicy.resolve(ConfigLoader.defaultPolicies(), "acme", Platform.MASTODON, Category.NEUTRAL), true,
        List.of("m1"), List.of(T0), Set.of());
    tracker.restore(restored);
    assertEquals(Optional.empty(), tracker.nextDeadline());
    tracker.onMention(mention("m2", "jane", t(70), "m1"), as(Category.COMPLAINT));
    tracker.fireDue(t(70));
    assertEquals(List.of("warning:complaint", "breach:complaint"), categories());
  }

  @Test
  void shouldReArmTheDeadlinesOfAnEpisodeRestoredAsEscalated() {
    Episode restored = Episode.restored(mention("m1", "jane", T0, null), as(Category.NEUTRAL), "m1",
        SlaPolicy.MEASURE_ONLY, true, List.of("m1", "m2"), List.of(T0, t(10)), Set.of(Level.WARNING));
    restored.escalate(new Episode.Escalation(mention("m2", "jane", t(10), "m1"), as(Category.COMPLAINT)),
        SlaPolicy.resolve(ConfigLoader.defaultPolicies(), "acme", Platform.MASTODON, Category.COMPLAINT));
    tracker.restore(restored);
    assertEquals(Optional.of(t(60)), tracker.nextDeadline(), "the warning fired before the restart");
    tracker.fireDue(t(90));
    assertEquals(List.of("breach:complaint"), categories());
  }

  @Test
  void shouldResolveAndRecordTheResponseUnderTheEscalatedCategory() {
    ManualClock clock = new ManualClock(t(40));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ServiceMetrics metrics = new ServiceMetrics(registry);
    WaitingTable waiting = new WaitingTable(clock);
    for (Category c : Category.values()) {
      metrics.waitingGauge("acme", Platform.MASTODON, c, waiting);
    }
    List<String> log = new ArrayList<>();
    try (Database db = Database.open(dir.resolve("t.db"))) {
      SlaStore store = new SqliteSlaStore(db);
      Recorder recorder = new Recorder(store, metrics, waiting, new ActivityLog(log::add, clock),
          new Alerts(List.of(), List.of()), clock);
      SlaTracker sla = new SlaTracker(ConfigLoader.defaultPolicies(), recorder);
      store.inTransaction(() -> {
        for (Mention m : List.of(mention("m1", "jane", T0, null), mention("m2", "jane", t(35), "m1"))) {
          var c = as(m.post().id().equals("m1") ? Category.NEUTRAL : Category.COMPLAINT);
          store.saveMention(m, c);
          recorder.mention(m, c);
          sla.onMention(m, c);
        }
        sla.fireDue(t(40));
      });
      assertEquals(1.0, waitingNow(registry, Category.COMPLAINT), "the gauge moved with the episode");
      assertEquals(0.0, waitingNow(registry, Category.NEUTRAL));
      assertEquals(1.0, registry.get("replywatch.mentions").tag("category", "neutral").counter().count(),
          "each mention counts by its own category");
      assertEquals(1.0, registry.get("replywatch.mentions").tag("category", "complaint").counter().count());

      store.inTransaction(() -> sla.onBrandReply("acme", post("r1", "acme", t(50), "m2")));
      clock.set(t(51)); // the table counts once per scrape: service time must move for a fresh count
      assertEquals(0.0, waitingNow(registry, Category.COMPLAINT));
      var timer = registry.get("replywatch.response").tag("category", "complaint").timer();
      assertEquals(1, timer.count());
      assertEquals(50 * 60.0, timer.max(java.util.concurrent.TimeUnit.SECONDS), "from the first message");
      assertEquals(List.of(), registry.find("replywatch.response").tag("category", "neutral").timers().stream()
          .filter(x -> x.count() > 0).toList());
      assertEquals(1.0, registry.get("replywatch.sla.events").tag("category", "complaint").tag("level", "resolved")
          .counter().count());
    }
    assertEquals(1, log.stream().filter(l -> l.contains("escalated") && l.contains("neutral -> complaint")).count(),
        log.toString());
  }

  private static double waitingNow(SimpleMeterRegistry registry, Category category) {
    return registry.find("replywatch.waiting").tag("category", category.id()).gauges().stream()
        .mapToDouble(g -> g.value()).sum();
  }
}
