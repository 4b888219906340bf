package io.replywatch.sla;

import static io.replywatch.testing.Posts.T0;
import static io.replywatch.testing.Posts.mention;
import static io.replywatch.testing.Posts.post;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.replywatch.Addresses;
import io.replywatch.LocalCodec;
import io.replywatch.classify.Classifiers;
import io.replywatch.config.ConfigLoader;
import io.replywatch.config.ReplywatchConfig;
import io.replywatch.ingest.Mention;
import io.replywatch.ingest.Platform;
import io.replywatch.ingest.PollBatch;
import io.replywatch.ingest.Post;
import io.replywatch.metrics.ServiceMetrics;
import io.replywatch.metrics.WaitingTable;
import io.replywatch.store.Database;
import io.replywatch.store.SlaStore;
import io.replywatch.time.ManualClock;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A brand reply that arrives before the post it answers (a keyword-search hit, a mention delivered late) must
 * survive a restart: when the post then arrives, its episode closes at once at the reply's time, with no warning
 * and no page, and the held reply leaves the store.
 */
class PendingReplyRestartTest {
  private final ManualClock clock = new ManualClock(T0.plus(Duration.ofMinutes(11)));
  private final List<String> activity = Collections.synchronizedList(new ArrayList<>());
  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void tearDown() throws Exception {
    await(vertx.close());
  }

  @Test
  void shouldCloseTheEpisodeAtOnceWhenTheParentOfAReplyHeldBeforeARestartArrives() throws Exception {
    LocalCodec.register(vertx, PollBatch.class);
    LocalCodec.register(vertx, SlaEvent.class);
    ReplywatchConfig config = config();
    Mention late = mention("m1", "jane", T0, null);
    Post reply = post("r1", "acme", T0.plus(Duration.ofMinutes(10)), "m1");

    try (Database db = Database.open(dir.resolve("t.db"))) {
      String id = deploy(config, db);
      batch(List.of(), List.of(reply));
      assertEquals(List.of("r1"), pendingReplyIds(db), "held durably, in the batch's transaction");
      await(vertx.undeploy(id));
    }

    clock.set(T0.plus(Duration.ofHours(2))); // the mention arrives long after both targets
    try (Database db = Database.open(dir.resolve("t.db"))) {
      deploy(config, db);
      batch(List.of(late), List.of());
      assertEquals(List.of("closed replied 600000"), episodes(db), "closed at once, at the reply's time");
      assertEquals(List.of(), sqlColumn(db, "SELECT level FROM sla_events"), "no warning, no page");
      assertEquals(List.of(), sqlColumn(db, "SELECT episode_id FROM outbox"));
      assertEquals(List.of(), pendingReplyIds(db), "resolved in the mention's transaction");
    }
  }

  private String deploy(ReplywatchConfig config, Database db) throws Exception {
    SlaVerticle sla = new SlaVerticle(config, Classifiers.byDefault(), new ServiceMetrics(new SimpleMeterRegistry()),
        new WaitingTable(clock), new ActivityLog(activity::add, clock), clock, new SlaStore(db));
    return await(vertx.deployVerticle(sla, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)));
  }

  private void batch(List<Mention> mentions, List<Post> brandPosts) throws Exception {
    await(vertx.eventBus().request(Addresses.POLL_BATCH,
        new PollBatch("acme", Platform.MASTODON, "acme", mentions, brandPosts)));
  }

  private static List<String> pendingReplyIds(Database db) throws Exception {
    return sqlColumn(db, "SELECT id FROM pending_replies");
  }

  private static List<String> episodes(Database db) throws Exception {
    return sqlColumn(db, "SELECT CASE WHEN closed_at IS NULL THEN 'open' ELSE 'closed' END || ' ' "
        + "|| coalesce(close_reason, '-') || ' ' || coalesce(response_ms, '-') FROM episodes");
  }

  private static List<String> sqlColumn(Database db, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = db.openReader(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private ReplywatchConfig config() {
    String yaml = """
        server: { host: 127.0.0.1, port: 0 }
        storage: { path: "%s" }
        brands:
          - id: acme
            accounts:
              - { platform: mastodon, id: acme, handle: acme, token: "${TOKEN}" }
        platforms:
          mastodon: { baseUrl: "http://127.0.0.1:9", pollInterval: 30s }  # never called: only the SLA stage runs
        alerts:
          support:
            - { type: slack, url: "${SLACK_URL}" }
        """.formatted(dir.resolve("t.db"));
    return new ConfigLoader(Map.of("TOKEN", "t", "SLACK_URL", "http://127.0.0.1:9/hook")::get).parse(yaml, "t.yaml");
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
