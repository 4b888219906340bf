package io.replywatch.sla;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.replywatch.bus.Addresses;
import io.replywatch.bus.LocalCodec;
import io.replywatch.classify.model.Classifiers;
import io.replywatch.config.ConfigLoader;
import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig;
import io.replywatch.ingest.Mention;
import io.replywatch.ingest.PollBatch;
import io.replywatch.ingest.Post;
import io.replywatch.metrics.ServiceMetrics;
import io.replywatch.store.Database;
import io.replywatch.store.SqliteSlaStore;
import io.replywatch.time.ManualClock;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The SLA stage alone on a real SQLite store, for tests that stop and start it: deploys {@link SlaVerticle} as the
 * service does (a worker), feeds it poll batches over the event bus and reads the store back with SQL. The brand is
 * {@code acme} with one Mastodon account {@code acme} (or a second, {@code acmecare}); the clock is manual.
 */
final class SlaStageHarness implements AutoCloseable {
  final ManualClock clock;
  final List<String> activity = Collections.synchronizedList(new ArrayList<>());
  private final Vertx vertx = Vertx.vertx();
  private final Path store;
  private final ReplywatchConfig config;

  SlaStageHarness(Path dir, Instant now) {
    this(dir, now, false);
  }

  /** @param secondAccount whether the brand also has the Mastodon account {@code acmecare} */
  SlaStageHarness(Path dir, Instant now, boolean secondAccount) {
    this.clock = new ManualClock(now);
    this.store = dir.resolve("t.db");
    LocalCodec.register(vertx, PollBatch.class);
    LocalCodec.register(vertx, SlaEvent.class);
    String yaml = """
        server: { host: 127.0.0.1, port: 0 }
        storage: { path: "%s" }
        brands:
          - id: acme
            accounts:
              - { platform: mastodon, id: acme, handle: acme, token: "${TOKEN}" }
        %s
        platforms:
          mastodon: { baseUrl: "http://127.0.0.1:9", pollInterval: 30s }  # never called: only the SLA stage runs
        alerts:
          support:
            - { type: slack, url: "${SLACK_URL}" }
        """.formatted(store,
        secondAccount ? "      - { platform: mastodon, id: acmecare, handle: acmecare, token: \"${TOKEN}\" }" : "");
    this.config = new ConfigLoader(Map.of("TOKEN", "t", "SLACK_URL", "http://127.0.0.1:9/hook")::get)
        .parse(yaml, "t.yaml");
  }

  /** Opens the store file; each start of the stage opens it afresh, as a restarted service would. */
  Database open() {
    return Database.open(store);
  }

  /** Starts the stage on {@code db}; the id stops it again ({@link #stop}). */
  String start(Database db) throws Exception {
    SlaVerticle sla = new SlaVerticle(config, Classifiers.byDefault(), new ServiceMetrics(new SimpleMeterRegistry()),
        new WaitingTable(clock), new ActivityLog(activity::add, clock), clock, new SqliteSlaStore(db));
    return await(vertx.deployVerticle(sla, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)));
  }

  void stop(String id) throws Exception {
    await(vertx.undeploy(id));
  }

  /** One poll cycle's batch from the account, as the poller sends it; waits until it is stored. */
  void batch(List<Mention> mentions, List<Post> brandPosts) throws Exception {
    batch("acme", mentions, brandPosts);
  }

  /** One poll cycle's batch from the brand's account {@code account}. */
  void batch(String account, List<Mention> mentions, List<Post> brandPosts) throws Exception {
    await(vertx.eventBus().request(Addresses.POLL_BATCH,
        new PollBatch("acme", Platform.MASTODON, account, mentions, brandPosts)));
  }

  /** The first column of every row {@code sql} returns, as text. */
  static List<String> sqlColumn(Database db, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = db.openReader(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Override
  public void close() throws Exception {
    await(vertx.close());
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
