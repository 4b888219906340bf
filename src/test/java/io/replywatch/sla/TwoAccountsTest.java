package io.replywatch.sla;

import static io.replywatch.sla.SlaStageHarness.sqlColumn;
import static io.replywatch.testing.Posts.T0;
import static io.replywatch.testing.Posts.post;
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
 * A brand with two Mastodon accounts, @acme and @acmecare, each read by its own poller. After an outage the first
 * poller's backfill brings a complaint already past both targets; the second poller's batch, with @acmecare's reply
 * written 20 minutes after the complaint, comes a moment later. The SLA stage waits one poll interval and 15 s
 * (30 s + 15 s here) before alerting a mention read that late, so on-call is not paged for an answered complaint.
 */
class TwoAccountsTest {
  @TempDir
  Path dir;

  private static final Instant READ = T0.plus(Duration.ofMinutes(65));
  private SlaStageHarness stage;

  @BeforeEach
  void setUp() {
    stage = new SlaStageHarness(dir, READ, true);
  }

  @AfterEach
  void tearDown() throws Exception {
    stage.close();
  }

  /** The complaint as the first poller hands it on: written at T0, read now. */
  private static Mention overdue() {
    return new Mention("acme", "acme", post("m1", "jane", T0, null), READ);
  }

  private static List<String> outbox(Database db) throws Exception {
    return sqlColumn(db, "SELECT DISTINCT level FROM outbox ORDER BY level");
  }

  @Test
  void shouldNotPageForAnOverdueComplaintTheOtherAccountAnswered() throws Exception {
    try (Database db = stage.open()) {
      stage.start(db);
      stage.batch("acme", List.of(overdue()), List.of());
      assertEquals(List.of(), outbox(db), "held while @acmecare is read");
      stage.clock.set(READ.plusSeconds(2));
      stage.batch("acmecare", List.of(), List.of(post("r1", "acmecare", T0.plus(Duration.ofMinutes(20)), "m1")));
      stage.clock.set(READ.plus(Duration.ofMinutes(5)));
      stage.batch("acme", List.of(), List.of());
      assertEquals(List.of(), outbox(db), "answered by @acmecare: no warning, no page");
      assertEquals(List.of("mastodon-m1 replied"), sqlColumn(db, "SELECT id || ' ' || close_reason FROM episodes"));
    }
  }

  @Test
  void shouldAlertAnOverdueComplaintOnceBothAccountsHadTheirTurn() throws Exception {
    try (Database db = stage.open()) {
      stage.start(db);
      stage.batch("acme", List.of(overdue()), List.of());
      stage.clock.set(READ.plusSeconds(44));
      stage.batch("acmecare", List.of(), List.of());
      assertEquals(List.of(), outbox(db));
      stage.clock.set(READ.plusSeconds(45));
      stage.batch("acme", List.of(), List.of());
      assertEquals(List.of("breach", "warning"), outbox(db), "no reply came: warned and paged 45 s after it was read");
    }
  }
}
