package io.replywatch.sla;

import static io.replywatch.sla.SlaStageHarness.sqlColumn;
import static io.replywatch.testing.Posts.T0;
import static io.replywatch.testing.Posts.mention;
import static io.replywatch.testing.Posts.post;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.ingest.Mention;
import io.replywatch.ingest.Post;
import io.replywatch.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A brand reply that arrives before the post it answers (a keyword-search hit, a mention delivered late) must
 * survive a restart: when the post then arrives, its episode closes at once at the reply's time, with no warning
 * and no page, and the held reply leaves the store.
 */
class PendingReplyRestartTest {
  @TempDir
  Path dir;

  private SlaStageHarness stage;

  @BeforeEach
  void setUp() {
    stage = new SlaStageHarness(dir, T0.plus(Duration.ofMinutes(11)));
  }

  @AfterEach
  void tearDown() throws Exception {
    stage.close();
  }

  @Test
  void shouldCloseTheEpisodeAtOnceWhenTheParentOfAReplyHeldBeforeARestartArrives() throws Exception {
    Mention late = mention("m1", "jane", T0, null);
    Post reply = post("r1", "acme", T0.plus(Duration.ofMinutes(10)), "m1");

    try (Database db = stage.open()) {
      String id = stage.start(db);
      stage.batch(List.of(), List.of(reply));
      assertEquals(List.of("r1"), pendingReplyIds(db), "held durably, in the batch's transaction");
      stage.stop(id);
    }

    stage.clock.set(T0.plus(Duration.ofHours(2))); // the mention arrives long after both targets
    try (Database db = stage.open()) {
      stage.start(db);
      stage.batch(List.of(late), List.of());
      assertEquals(List.of("closed replied 600000"), episodes(db), "closed at once, at the reply's time");
      assertEquals(List.of(), sqlColumn(db, "SELECT level FROM sla_events"), "no warning, no page");
      assertEquals(List.of(), sqlColumn(db, "SELECT episode_id FROM outbox"));
      assertEquals(List.of(), pendingReplyIds(db), "resolved in the mention's transaction");
    }
  }

  private static List<String> pendingReplyIds(Database db) throws Exception {
    return sqlColumn(db, "SELECT id FROM pending_replies");
  }

  private static List<String> episodes(Database db) throws Exception {
    return sqlColumn(db, "SELECT CASE WHEN closed_at IS NULL THEN 'open' ELSE 'closed' END || ' ' "
        + "|| coalesce(close_reason, '-') || ' ' || coalesce(response_ms, '-') FROM episodes");
  }
}
