package io.replywatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.simulator.FakeWebhookReceiver;
import io.replywatch.simulator.Timeline;
import io.replywatch.simulator.mastodon.MastodonSimulator;
import io.replywatch.time.ServiceClock;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of a burst: the real service runs as a child process against a simulator with
 * 300 overdue complaints (each fires a warning and a page at once), is killed without warning once Slack has seen
 * some of them, and is started again on the same store file. The store must open, hold every mention once and
 * every (episode, level) event once, and no alert may reach Slack twice.
 */
class KillNineTest {
  private static final int BURST = 300;

  @TempDir
  Path dir;
  private final Vertx fakes = Vertx.vertx();
  private Process child;

  @AfterEach
  void tearDown() throws Exception {
    if (child != null) {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    fakes.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldRecoverFromKillNineWithoutLosingStateOrSendingTwice() throws Exception {
    Instant now = Instant.now();
    Timeline timeline = new Timeline();
    for (int i = 0; i < BURST; i++) {
      timeline.add(now.minus(Duration.ofHours(2)).plusSeconds(i), "7" + i, "customer" + i + "@example.social",
          "my order #" + i + " never arrived and nobody answers, this is unacceptable, I want a refund", false,
          null, "en");
    }
    MastodonSimulator sim = new MastodonSimulator(timeline, ServiceClock.system(), "42", "token");
    FakeWebhookReceiver slack = new FakeWebhookReceiver();
    fakes.deployVerticle(sim).compose(id -> fakes.deployVerticle(slack)).await();
    Path config = Files.writeString(dir.resolve("replywatch.yaml"), """
        server: { host: 127.0.0.1, port: 0 }
        storage: { path: "%s" }
        brands:
          - id: acme
            accounts:
              - { platform: mastodon, id: "42", handle: acme, token: token }
        platforms:
          mastodon: { baseUrl: "%s", pollInterval: 1s }
        alerts:
          support:
            - { type: slack, url: "%s" }
        """.formatted(dir.resolve("store.db"), sim.baseUrl(), slack.url("/hook")));

    child = start(config, "first.log");
    awaitDeliveries(slack, 40, "before the kill");
    child.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
    int beforeRestart = slack.accepted().size();

    child = start(config, "second.log");
    awaitLog("second.log", "replywatch listening on");
    // Give the restarted service the chance to (wrongly) send something again: wait for one poll cycle to pass.
    int polls = sim.requests().size();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (sim.requests().size() < polls + 4 && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
    }
    assertTrue(sim.requests().size() >= polls + 4, "the restarted service polls");

    Map<String, Integer> perAlert = new HashMap<>();
    for (JsonObject body : slack.accepted()) {
      String section = body.getJsonArray("blocks").getJsonObject(1).getJsonObject("text").getString("text");
      perAlert.merge(body.getString("text").replaceAll(": \\d+ min", "") + section, 1, Integer::sum);
    }
    perAlert.forEach((alert, n) -> assertEquals(1, n, "sent twice: " + alert));
    assertTrue(beforeRestart >= 40 && beforeRestart < 2 * BURST, "killed mid-burst, after " + beforeRestart);
    System.out.printf("kill -9 after %d of %d alerts; %d delivered in all, none twice%n", beforeRestart,
        2 * BURST, slack.accepted().size());

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("store.db"));
        Statement s = c.createStatement()) {
      assertEquals(BURST, count(s, "SELECT count(*) FROM mentions"), "every mention once");
      assertEquals(BURST, count(s, "SELECT count(*) FROM episodes"));
      assertEquals(2 * BURST, count(s, "SELECT count(*) FROM sla_events"), "every warning and breach once");
      assertEquals(BURST, count(s, "SELECT count(*) FROM episodes WHERE warning_fired = 1 AND breach_fired = 1"));
    }
  }

  private Process start(Path config, String log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.replywatch.Main", "run",
        "--config", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(log).toFile())
        .start();
  }

  private void awaitDeliveries(FakeWebhookReceiver slack, int n, String when) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (slack.accepted().size() < n) {
      assertTrue(System.nanoTime() < deadline, "only " + slack.accepted().size() + " Slack messages " + when
          + "; child log:\n" + Files.readString(dir.resolve("first.log")));
      assertTrue(child.isAlive(), "the service died:\n" + Files.readString(dir.resolve("first.log")));
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
    }
  }

  private void awaitLog(String log, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(dir.resolve(log)) || !Files.readString(dir.resolve(log)).contains(text)) {
      assertTrue(System.nanoTime() < deadline && child.isAlive(), "no '" + text + "' in " + log + ":\n"
          + (Files.exists(dir.resolve(log)) ? Files.readString(dir.resolve(log)) : ""));
      java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
    }
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
