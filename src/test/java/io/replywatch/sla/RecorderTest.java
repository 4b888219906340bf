package io.replywatch.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.replywatch.classify.Category;
import io.replywatch.config.ReplywatchConfig.Alerts;
import io.replywatch.ingest.Mention;
import io.replywatch.ingest.Post;
import io.replywatch.metrics.ServiceMetrics;
import io.replywatch.metrics.WaitingTable;
import io.replywatch.notify.Events;
import io.replywatch.store.Database;
import io.replywatch.store.SlaStore;
import io.replywatch.testing.Posts;
import io.replywatch.time.ManualClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live log the recorder writes: a post's author must not be able to add a line of their own to it. */
class RecorderTest {
  private static final String FORGED = "jane\n03:00:00  RESOLVED  forged line\u202e";

  @TempDir
  Path dir;

  @Test
  void shouldKeepEachLogEntryOnOneLineWhateverTheAuthorCalledThemselves() {
    ManualClock clock = new ManualClock(Posts.T0);
    List<String> log = new ArrayList<>();
    try (Database db = Database.open(dir.resolve("t.db"))) {
      SlaStore store = new SlaStore(db);
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
      SlaStore store = new SlaStore(db);
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
    for (String name : List.of("replywatch.response", "replywatch.first.response")) {
      var timer = registry.get(name).tag("category", "neutral").timer();
      assertEquals(1, timer.count(), name + ": only jane's answered episode");
      assertEquals(120.0, timer.max(java.util.concurrent.TimeUnit.SECONDS), name);
    }
  }
}
