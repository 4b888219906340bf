package io.replywatch.sla;

import static io.replywatch.testing.Posts.T0;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service end to end, across a restart: a neutral first message, then a complaint before any answer. The
 * complaint's warning fires at once (the customer has waited since the first message), the escalated episode is
 * restored as a complaint after a restart, pages at 60 minutes from the first message, and resolves as one.
 */
class EscalationRestartTest {
  private final ManualClock clock = new ManualClock(T0.plus(Duration.ofMinutes(45)));
  private final List<String> activity = Collections.synchronizedList(new ArrayList<>());
  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dir;

  @AfterEach
  void tearDown() throws Exception {
    await(vertx.close());
  }

  @Test
  void shouldWarnRestoreAndPageTheComplaintThatFollowedANeutralMessage() throws Exception {
    LocalCodec.register(vertx, PollBatch.class);
    LocalCodec.register(vertx, SlaEvent.class);
    ReplywatchConfig config = config();
    // What the default classifier calls neutral, then a complaint (checked below through the stored mentions).
    Mention hello = said("m1", "@acme I have an order from last week", T0, null);
    Mention broken = said("m2", "my order arrived broken, I want a refund", T0.plus(Duration.ofMinutes(10)), "m1");

    try (Database db = Database.open(dir.resolve("t.db"))) {
      String id = deploy(config, db);
      batch(List.of(hello, broken), List.of());
      assertEquals(List.of("m1 neutral", "m2 complaint"), sqlColumn(db, "SELECT id || ' ' || category FROM mentions"
          + " ORDER BY id"));
      assertEquals(List.of("complaint m2"), sqlColumn(db, "SELECT category || ' ' || escalated_by FROM episodes"));
      assertEquals(List.of("warning"), sqlColumn(db, "SELECT level FROM sla_events"), "45 minutes: warned at once");
      await(vertx.undeploy(id));
    }

    clock.set(T0.plus(Duration.ofMinutes(120)));
    try (Database db = Database.open(dir.resolve("t.db"))) {
      deploy(config, db);
      batch(List.of(), List.of()); // a poll cycle: fires what fell due while the service was down
      assertEquals(List.of("warning", "breach"), sqlColumn(db, "SELECT level FROM sla_events ORDER BY at"));
      assertEquals(List.of(String.valueOf(T0.plus(Duration.ofMinutes(60)).toEpochMilli())),
          sqlColumn(db, "SELECT at FROM sla_events WHERE level = 'breach'"), "60 minutes from the first message");
      batch(List.of(), List.of(post("r1", "acme", T0.plus(Duration.ofMinutes(121)), "m2")));
      assertEquals(List.of("complaint replied 7260000"),
          sqlColumn(db, "SELECT category || ' ' || close_reason || ' ' || response_ms FROM episodes"));
      assertEquals(List.of("breach complaint", "resolved complaint", "warning complaint"),
          sqlColumn(db, "SELECT DISTINCT level || ' ' || json_extract(payload, '$.category') FROM outbox ORDER BY 1"));
    }
  }

  private static Mention said(String id, String text, Instant at, String inReplyTo) {
    Post p = post(id, "jane", at, inReplyTo);
    return new Mention("acme", "acme", new Post(p.platform(), p.id(), p.authorId(), p.authorHandle(), text,
        p.createdAt(), p.inReplyToId(), p.conversationId(), p.permalink(), p.language()), at);
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
