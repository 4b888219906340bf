package io.replywatch.store;

import static io.replywatch.testing.Posts.T0;
import static io.replywatch.testing.Posts.as;
import static io.replywatch.testing.Posts.mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.classify.Category;
import io.replywatch.config.ConfigLoader;
import io.replywatch.ingest.Mention;
import io.replywatch.sla.Episode;
import io.replywatch.sla.SlaListener;
import io.replywatch.sla.SlaStore;
import io.replywatch.sla.SlaTracker;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An escalated episode is stored as escalated: a restart and the API see the complaint, not the greeting. */
class EscalatedEpisodeStoreTest {
  @TempDir
  Path dir;

  @Test
  void shouldKeepTheFollowUpThatEscalatedAnEpisodeAndItsClassification() throws Exception {
    try (Database db = Database.open(dir.resolve("e.db"))) {
      SlaStore store = new SqliteSlaStore(db);
      SlaTracker tracker = new SlaTracker(ConfigLoader.defaultPolicies(), new SlaListener() {
        @Override
        public void opened(Episode e) {
          store.saveEpisode(e);
        }

        @Override
        public void followUp(Episode e, String postId) {
          store.saveEpisode(e);
        }
      });
      Mention hello = mention("m1", "jane", T0, null);
      Mention broken = mention("m2", "jane", T0.plus(Duration.ofMinutes(10)), "m1");
      store.inTransaction(() -> {
        store.saveMention(hello, as(Category.NEUTRAL));
        tracker.onMention(hello, as(Category.NEUTRAL));
        store.saveMention(broken, as(Category.COMPLAINT));
        tracker.onMention(broken, as(Category.COMPLAINT));
      });

      SlaStore.OpenEpisode o = store.openEpisodes().get(0);
      assertEquals("m1", o.opening().post().id(), "the episode still opens at the first message");
      assertEquals(Category.NEUTRAL, o.classification().category(), "the opening's own classification");
      Episode.Escalation x = o.escalation().orElseThrow();
      assertEquals("m2", x.by().post().id());
      assertEquals(Category.COMPLAINT, x.classification().category());
      assertEquals(-0.8, x.classification().polarity());
      assertEquals(List.of("complaint 1800000 3600000"),
          column(db, "SELECT category || ' ' || warning_ms || ' ' || breach_ms FROM episodes"),
          "the figures of /api/v1/sla read the episode's category and targets");

      JsonObject shown = new ApiQueries(db, Clock.fixed(T0.plus(Duration.ofMinutes(40)), ZoneOffset.UTC),
          ConfigLoader.defaultPolicies()).mentions(new ApiQueries.MentionFilter("waiting", null, null, 10))
          .getJsonArray("mentions").getJsonObject(0);
      assertEquals("m1", shown.getString("mentionId"));
      assertEquals("complaint", shown.getString("category"));
      assertEquals(-0.8, shown.getDouble("polarity"));
      assertEquals("m2", shown.getString("escalatedBy"));
      assertEquals(2, shown.getInteger("messages"));
    }
  }

  @Test
  void shouldRestoreAnEpisodeThatWasNeverEscalatedWithoutOne() {
    try (Database db = Database.open(dir.resolve("e.db"))) {
      SlaStore store = new SqliteSlaStore(db);
      SlaTracker tracker = new SlaTracker(ConfigLoader.defaultPolicies(), new SlaListener() {
        @Override
        public void opened(Episode e) {
          store.saveEpisode(e);
        }
      });
      Mention m = mention("m1", "jane", T0, null);
      store.inTransaction(() -> {
        store.saveMention(m, as(Category.QUESTION));
        tracker.onMention(m, as(Category.QUESTION));
      });
      assertTrue(store.openEpisodes().get(0).escalation().isEmpty());
    }
  }

  private static List<String> column(Database db, String sql) throws Exception {
    List<String> out = new java.util.ArrayList<>();
    try (Connection c = db.openReader(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
