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
 * some of them, and is started again on the same store file. The store must open and hold every mention and every
 * (episode, level) event once; every alert must reach Slack after the restart (the outbox), and only the one
 * message in flight at the kill may arrive twice (a delivery the receiver took but the dead process never marked).
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
    awaitAlerts(slack, 40, "first.log");
    child.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
    int messagesBefore = slack.accepted().size();
    int alertsBefore = alerts(slack).values().stream().mapToInt(Integer::intValue).sum();

    child = start(config, "second.log");
    awaitAlerts(slack, 2 * BURST, "second.log");
    Map<String, Integer> perAlert = alerts(slack);
    assertEquals(2 * BURST, perAlert.size(), "every warning and page delivered");
    long twice = perAlert.values().stream().filter(n -> n > 1).count();
    assertTrue(perAlert.values().stream().allMatch(n -> n <= 2), "nothing three times");
    assertTrue(twice <= io.replywatch.notify.slack.SlackPayloads.DIGEST_MAX,
        twice + " alerts repeated: more than the one message in flight at the kill");
    assertTrue(alertsBefore >= 40 && alertsBefore < 2 * BURST, "killed mid-burst, after " + alertsBefore);
    System.out.printf("kill -9 after %d of %d alerts (%d Slack messages); after restart all %d delivered, "
        + "%d repeated (the message in flight)%n", alertsBefore, 2 * BURST, messagesBefore, perAlert.size(), twice);

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

  /** Alerts seen by Slack, single or inside digests, keyed by customer and level, with how often each came. */
  private static Map<String, Integer> alerts(FakeWebhookReceiver slack) {
    Map<String, Integer> seen = new HashMap<>();
    java.util.regex.Pattern who = java.util.regex.Pattern.compile("\\*@(customer\\d+)@");
    for (JsonObject body : slack.accepted()) {
      var blocks = body.getJsonArray("blocks");
      boolean digest = body.getString("text").contains("SLA alerts");
      for (int i = 1; i < blocks.size(); i++) {
        JsonObject text = blocks.getJsonObject(i).getJsonObject("text");
        if (text == null) {
          continue;
        }
        var m = who.matcher(text.getString("text"));
        if (!m.find()) {
          continue;
        }
        String level = digest ? (text.getString("text").startsWith("*page*") ? "breach" : "warning")
            : (body.getString("text").contains("page SLA") ? "breach" : "warning");
        seen.merge(m.group(1) + "/" + level, 1, Integer::sum);
      }
    }
    return seen;
  }

  private void awaitAlerts(FakeWebhookReceiver slack, int n, String log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (alerts(slack).size() < n) {
      assertTrue(System.nanoTime() < deadline, "only " + alerts(slack).size() + " alerts at Slack; child log:\n"
          + Files.readString(dir.resolve(log)));
      assertTrue(child.isAlive(), "the service died:\n" + Files.readString(dir.resolve(log)));
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
