package io.replywatch.sla;

import static io.replywatch.sla.SlaStageHarness.sqlColumn;
import static io.replywatch.testing.Posts.T0;
import static io.replywatch.testing.Posts.post;
import static io.replywatch.testing.Posts.said;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.ingest.Mention;
import io.replywatch.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service end to end, across a restart: an episode with follow-ups is restored, then a late-arriving brand
 * reply answers only its first message. The next episode is the follow-ups' own, read back from the stored
 * mentions: its alert quotes and links the unanswered follow-up under that follow-up's category.
 */
class SplitEpisodeRestartTest {
  @TempDir
  Path dir;

  private SlaStageHarness stage;

  @BeforeEach
  void setUp() {
    stage = new SlaStageHarness(dir, T0.plus(Duration.ofMinutes(26)));
  }

  @AfterEach
  void tearDown() throws Exception {
    stage.close();
  }

  private static Instant t(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  @Test
  void shouldOpenTheNextEpisodeFromTheStoredFollowUpAfterARestart() throws Exception {
    Mention where = said("m1", "@acme when do you open?", T0, null);
    Mention broken = said("m2", "my order arrived broken, I want a refund", t(20), "m1");

    try (Database db = stage.open()) {
      String id = stage.start(db);
      stage.batch(List.of(where, broken), List.of());
      assertEquals(List.of("m1 question", "m2 complaint"), sqlColumn(db, "SELECT id || ' ' || category"
          + " FROM mentions ORDER BY id"), "what the default classifier makes of them");
      assertEquals(List.of("mastodon-m1 m1@" + T0.toEpochMilli() + ",m2@" + t(20).toEpochMilli()),
          sqlColumn(db, "SELECT id || ' ' || messages FROM episodes"));
      stage.stop(id);
    }

    try (Database db = stage.open()) {
      stage.start(db);
      // The reply to m1, written at 10 minutes, is only seen now: it answered m1, not m2
      stage.batch(List.of(), List.of(post("r1", "acme", t(10), "m1")));
      assertEquals(List.of("mastodon-m1 replied", "mastodon-m2 open complaint m2@" + t(20).toEpochMilli()),
          sqlColumn(db, "SELECT id || ' ' || coalesce(close_reason, 'open ' || category || ' ' || messages)"
              + " FROM episodes ORDER BY id"));
      stage.clock.set(t(50));
      stage.batch(List.of(), List.of());
      assertEquals(List.of("warning complaint m2 my order arrived broken, I want a refund"
              + " https://example.social/@jane/m2"),
          sqlColumn(db, "SELECT DISTINCT level || ' ' || json_extract(payload, '$.category') || ' '"
              + " || json_extract(payload, '$.mentionId') || ' ' || json_extract(payload, '$.text') || ' '"
              + " || json_extract(payload, '$.permalink') FROM outbox"), "30 minutes from m2, quoting m2");
    }
  }

  @Test
  void shouldEscalateTheNextEpisodeByItsOwnFollowUpsAfterARestart() throws Exception {
    Mention where = said("m1", "@acme when do you open?", T0, null);
    Mention hello = said("m2", "@acme I have an order from last week", t(20), "m1");
    Mention broken = said("m3", "my order arrived broken, I want a refund", t(25), "m1");

    try (Database db = stage.open()) {
      String id = stage.start(db);
      stage.batch(List.of(where, hello, broken), List.of());
      assertEquals(List.of("m1 question", "m2 neutral", "m3 complaint"), sqlColumn(db, "SELECT id || ' ' || category"
          + " FROM mentions ORDER BY id"));
      stage.stop(id);
    }

    try (Database db = stage.open()) {
      stage.start(db);
      stage.batch(List.of(), List.of(post("r1", "acme", t(10), "m1")));
      assertEquals(List.of("mastodon-m2 complaint m3"),
          sqlColumn(db, "SELECT id || ' ' || category || ' ' || escalated_by FROM episodes WHERE closed_at IS NULL"),
          "opened by the neutral m2, escalated by the complaint m3");
      stage.clock.set(t(50));
      stage.batch(List.of(), List.of());
      assertEquals(List.of("warning complaint m2 my order arrived broken, I want a refund"
              + " https://example.social/@jane/m3"),
          sqlColumn(db, "SELECT DISTINCT level || ' ' || json_extract(payload, '$.category') || ' '"
              + " || json_extract(payload, '$.mentionId') || ' ' || json_extract(payload, '$.text') || ' '"
              + " || json_extract(payload, '$.permalink') FROM outbox"), "30 minutes from m2, quoting m3");
    }
  }
}
