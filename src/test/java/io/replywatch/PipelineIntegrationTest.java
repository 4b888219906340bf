package io.replywatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.cli.Service;
import io.replywatch.config.ConfigLoader;
import io.replywatch.config.ReplywatchConfig;
import io.replywatch.notify.FakeReceiver;
import io.replywatch.simulator.FakeWebhookReceiver;
import io.replywatch.simulator.Timeline;
import io.replywatch.simulator.mastodon.MastodonSimulator;
import io.replywatch.time.ManualClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton end to end: a Mastodon simulator → poller → classifier → SLA tracker → Slack webhook.
 * Time is a manual clock: the test moves it to 30 and 60 minutes and the service's own timers fire.
 */
class PipelineIntegrationTest {
  private static final Instant T0 = Instant.parse("2026-09-01T10:00:00Z");
  private static final long WAIT_S = 20;

  private final ManualClock clock = new ManualClock(T0);
  private final BlockingQueue<String> activity = new LinkedBlockingQueue<>();
  private Vertx fakes;
  private Service service;
  private FakeWebhookReceiver slack;
  private Timeline timeline;
  private MastodonSimulator sim;
  private ReplywatchConfig config;

  @org.junit.jupiter.api.io.TempDir
  java.nio.file.Path dir;

  @BeforeEach
  void setUp() throws Exception {
    fakes = Vertx.vertx();
    timeline = new Timeline();
    String m1 = timeline.add(T0.minus(Duration.ofMinutes(5)), "501", "jane@example.social",
        "my order #1234 never arrived, third time asking <!channel>", false, null, "en");
    timeline.add(T0.plus(Duration.ofMinutes(70)), "42", "acme", "So sorry Jane, a replacement ships today.", true, m1, "en");
    sim = new MastodonSimulator(timeline, clock, "42", "secret-token");
    slack = new FakeWebhookReceiver();
    await(fakes.deployVerticle(sim).compose(id -> fakes.deployVerticle(slack)));
    config = config("");
    service = startService();
  }

  /** The test config, with {@code paging} channel lines (YAML list items) if any. */
  private ReplywatchConfig config(String paging) {
    String yaml = """
        server: { host: 127.0.0.1, port: 0 }
        storage: { path: "%s" }
        brands:
          - id: acme
            accounts:
              - { platform: mastodon, id: "42", handle: acme, token: "${TOKEN}" }
        platforms:
          mastodon: { baseUrl: "%s", pollInterval: 30s }
        alerts:
          support:
            - { type: slack, url: "${SLACK_URL}" }
        """.formatted(dir.resolve("test.db"), sim.baseUrl()) + (paging.isEmpty() ? "" : "  paging:\n" + paging);
    return new ConfigLoader(Map.of("TOKEN", "secret-token", "SLACK_URL", slack.url("/hook"))::get)
        .parse(yaml, "test.yaml");
  }

  private Service startService() throws Exception {
    return await(Service.start(new Service.Options(config, clock, io.replywatch.classify.model.Classifiers.byDefault(),
        null, activity::add, line -> {})));
  }

  @Test
  void shouldFireADeadlineMissedWhileDownOnceAtStartAndNeverRepeatOne() throws Exception {
    awaitActivity("waiting");
    clock.set(T0.plus(Duration.ofMinutes(25)));
    assertTrue(nextSlack().getString("text").contains("30 min"));
    await(service.stop());
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("test.db"));
        var rs = c.createStatement().executeQuery("SELECT level, state, attempts FROM outbox")) {
      assertTrue(rs.next());
      assertEquals("warning sent 1", rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3),
          "a clean stop lets the delivery in flight settle");
    }

    clock.set(T0.plus(Duration.ofMinutes(58))); // the 60-minute deadline passes while the service is down
    service = startService();
    awaitActivity("restored");
    JsonObject breach = nextSlack();
    assertTrue(breach.getString("text").contains("(page SLA 60 min)"), breach.getString("text"));
    assertNull(slack.arrivals().poll(300, TimeUnit.MILLISECONDS), "the warning is not sent again");

    await(service.stop());
    service = startService();
    awaitActivity("restored");
    clock.set(T0.plus(Duration.ofMinutes(71)));
    JsonObject resolved = nextSlack();
    assertTrue(resolved.getString("text").startsWith("Answered"), resolved.getString("text"));
    assertEquals(3, slack.accepted().size(), "warning, breach, follow-up: each once across two restarts");
  }

  @Test
  void shouldKeepAnAlertmanagerPageAliveAcrossARestart() throws Exception {
    FakeReceiver am = await(FakeReceiver.start(fakes));
    await(service.stop());
    config = config("    - { type: alertmanager, url: \"" + am.url("") + "\" }\n");
    service = startService();
    awaitActivity("waiting");
    clock.set(T0.plus(Duration.ofMinutes(55)));
    awaitTrue(() -> am.received().size() == 1, "the page posted");
    assertEquals("firing", am.received().get(0).jsonArray().getJsonObject(0).getString("status", "firing"));

    await(service.stop());
    service = startService();
    awaitActivity("restored");
    clock.advance(Duration.ofSeconds(61));
    awaitTrue(() -> am.received().size() >= 2, "the page re-posted by the restarted service");
    var alert = am.received().get(1).jsonArray().getJsonObject(0);
    assertEquals("page", alert.getJsonObject("labels").getString("severity"));
    assertTrue(Instant.parse(alert.getString("endsAt")).isAfter(clock.instant()), "still firing: " + alert);
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
    }
  }

  @AfterEach
  void tearDown() throws Exception {
    if (service != null) {
      await(service.stop());
    }
    await(fakes.close());
  }

  @Test
  void shouldWarnAtThirtyPageAtSixtyAndFollowUpWhenAnswered() throws Exception {
    awaitActivity("waiting");
    assertNull(slack.arrivals().poll(), "nothing is sent before the warning target");

    clock.set(T0.plus(Duration.ofMinutes(25)));
    JsonObject warning = nextSlack();
    assertTrue(warning.getString("text").startsWith("Unanswered complaint to @acme on Mastodon: 30 min"),
        warning.getString("text"));
    String section = warning.getJsonArray("blocks").getJsonObject(1).getJsonObject("text").getString("text");
    assertTrue(section.contains("&lt;!channel&gt;"), "mention text is escaped for Slack: " + section);

    clock.set(T0.plus(Duration.ofMinutes(55)));
    JsonObject breach = nextSlack();
    assertTrue(breach.getString("text").contains("60 min"), breach.getString("text"));

    clock.set(T0.plus(Duration.ofMinutes(71)));
    JsonObject resolved = nextSlack();
    assertEquals("Answered: complaint to @acme on Mastodon after 75 min", resolved.getString("text"));
    assertEquals(3, slack.accepted().size());

    // The service counts a delivery once the receiver's answer is back, which can be just after the fake saw it.
    String metrics = scrapeUntil("replywatch_notifications_total{channel=\"slack\",level=\"resolved\",outcome=\"sent\"} 1.0");
    assertTrue(metrics.contains("replywatch_sla_events_total{brand=\"acme\",category=\"complaint\",level=\"warning\",platform=\"mastodon\"} 1.0"), metrics);
    assertTrue(metrics.contains("replywatch_poll_requests_total{account=\"acme\",outcome=\"ok\",platform=\"mastodon\"}"));
  }

  @Test
  void shouldRetryASlackFailureAndDeliverOnce() throws Exception {
    awaitActivity("waiting");
    slack.answerNext(new FakeWebhookReceiver.Answer(500, null), new FakeWebhookReceiver.Answer(429, "30"));
    clock.set(T0.plus(Duration.ofMinutes(25)));
    awaitRetried(1);
    clock.advance(Duration.ofSeconds(5)); // past the first backoff (1-1.2 s)
    awaitRetried(2);
    clock.advance(Duration.ofSeconds(20));
    assertNull(slack.arrivals().poll(200, TimeUnit.MILLISECONDS), "Retry-After: 30 is honoured");
    clock.advance(Duration.ofSeconds(11));
    JsonObject warning = nextSlack();
    assertTrue(warning.getString("text").contains("30 min"));
    assertEquals(3, slack.requests(), "500, then 429, then delivered");
    assertEquals(1, slack.accepted().size());
    JsonObject sent = awaitNotification("sent");
    assertEquals(3, sent.getInteger("attempts"));
    assertEquals(0, get("/api/v1/notifications", 200).getInteger("count"), "nothing failed");
    get("/api/v1/notifications?state=lost", 400);
  }

  private void awaitRetried(int n) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
    while (retried() < n) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("expected " + n + " retries, saw " + retried());
      }
      java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
    }
  }

  private double retried() {
    var c = service.registry().find("replywatch.notifications").tags("channel", "slack", "level", "warning",
        "outcome", "retried").counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void shouldServeTheApiAndCloseAnEpisodeByHand() throws Exception {
    awaitActivity("waiting");
    clock.set(T0.plus(Duration.ofMinutes(25)));
    nextSlack();
    JsonObject waiting = get("/api/v1/mentions?state=waiting&brand=acme&platform=mastodon", 200);
    assertEquals(1, waiting.getInteger("count"));
    JsonObject m = waiting.getJsonArray("mentions").getJsonObject(0);
    assertEquals("complaint", m.getString("category"));
    assertEquals(1800, m.getLong("waitedSeconds"));
    assertEquals("[\"warning\"]", m.getJsonArray("events").encode());
    assertEquals(0, get("/api/v1/mentions?state=answered", 200).getInteger("count"));

    JsonObject sla = get("/api/v1/sla", 200).getJsonObject("total");
    assertEquals(1, sla.getInteger("episodes"));
    assertEquals(1, sla.getJsonObject("waiting").getInteger("30m_to_60m"));

    for (String bad : new String[] {"/api/v1/mentions?state=lost", "/api/v1/mentions?limit=0",
        "/api/v1/mentions?limit=ten", "/api/v1/mentions?platform=myspace", "/api/v1/sla?brand=Bad%20Brand"}) {
      assertTrue(get(bad, 400).getString("error").length() > 10, bad);
    }
    String id = m.getString("episodeId");
    assertEquals(400, post("/api/v1/episodes/" + id + "/close", "not json").statusCode());
    assertEquals(400, post("/api/v1/episodes/" + id + "/close", "{\"reason\": \"\"}").statusCode());
    var closed = post("/api/v1/episodes/" + id + "/close", "{\"reason\": \"answered by phone\"}");
    assertEquals(200, closed.statusCode(), closed.bodyAsString());
    assertEquals("answered by phone", closed.bodyAsJsonObject().getString("reason"));
    String followUp = nextSlack().getString("text");
    assertTrue(followUp.startsWith("Closed without a reply: ") && followUp.endsWith("(answered by phone)"),
        "the warning gets its follow-up, which does not call it answered on the platform: " + followUp);
    assertEquals(404, post("/api/v1/episodes/" + id + "/close", "{\"reason\": \"again\"}").statusCode());
    JsonObject all = get("/api/v1/mentions?state=all", 200).getJsonArray("mentions").getJsonObject(0);
    assertEquals("closed", all.getString("state"));
    assertEquals("answered by phone", all.getString("closeReason"));
  }

  @Test
  void shouldTurnABurstIntoADigestAndKeepAPermanentFailureForInspection() throws Exception {
    awaitActivity("waiting");
    slack.answerNext(new FakeWebhookReceiver.Answer(400, null)); // Slack's invalid_payload: permanent
    clock.set(T0.plus(Duration.ofMinutes(25)));
    awaitActivity("WARNING");
    JsonObject failed = awaitNotification("failed");
    assertEquals("warning", failed.getString("level"));
    assertTrue(failed.getString("lastError").contains("400"), failed.encode());
    assertFalse(failed.getString("lastError").contains("/hook"), "the webhook URL is a secret");

    for (int i = 0; i < 20; i++) {
      timeline.add(T0.plus(Duration.ofMinutes(30)).plusSeconds(i), "60" + i, "burst" + i + "@example.social",
          "charged twice for order " + i + ", this is unacceptable, refund me", false, null, "en");
    }
    clock.set(T0.plus(Duration.ofHours(3))); // all 20 are past both targets when first seen
    int alerts = 0;
    int messages = 0;
    while (alerts < 42) {
      JsonObject body = nextSlack();
      messages++;
      alerts += body.getString("text").contains("SLA alerts") ? body.getJsonArray("blocks").size() - 1 : 1;
    }
    assertEquals(42, alerts, "20 warnings, 20 pages, and the first complaint's page and answer (at 70 min)");
    assertTrue(messages <= 4, "a burst of 42 alerts arrives as " + messages + " messages, not 41");
  }

  @Test
  void shouldDeliverEverythingAfterATenMinuteOutageInOrderAndOnce() throws Exception {
    awaitActivity("waiting");
    for (int i = 1; i <= 5; i++) {
      timeline.add(T0.plus(Duration.ofMinutes(i)), "70" + i, "outage" + i + "@example.social",
          "my parcel " + i + " never arrived, this is unacceptable", false, null, "en");
    }
    clock.set(T0.plus(Duration.ofMinutes(6)));
    for (int i = 0; i < 5; i++) {
      awaitActivity("waiting");
    }
    slack.down(503);
    clock.set(T0.plus(Duration.ofMinutes(25))); // the first complaint's warning: Slack is down
    for (int minute = 26; minute <= 35; minute++) { // ten minutes of outage, warnings due at 31..35 too
      clock.set(T0.plus(Duration.ofMinutes(minute)));
      awaitRetried(1);
    }
    assertEquals(0, slack.accepted().size());
    slack.up();
    clock.advance(Duration.ofMinutes(5)); // the backoff is capped at 5 minutes; the pages are due only at 55+
    clock.advance(Duration.ofMinutes(5));
    java.util.List<String> order = new java.util.ArrayList<>();
    while (order.size() < 6) {
      JsonObject body = nextSlack();
      var blocks = body.getJsonArray("blocks");
      for (int i = 1; i < blocks.size(); i++) {
        var m = java.util.regex.Pattern.compile("\\*@(\\w+)@").matcher(
            blocks.getJsonObject(i).getJsonObject("text") == null ? "" : blocks.getJsonObject(i).getJsonObject("text").getString("text"));
        if (m.find()) {
          String line = blocks.getJsonObject(i).getJsonObject("text").getString("text");
          assertTrue(line.startsWith("*warning*") || !body.getString("text").contains("SLA alerts"), line);
          order.add(m.group(1));
        }
      }
    }
    assertEquals(java.util.List.of("jane", "outage1", "outage2", "outage3", "outage4", "outage5"), order,
        "every warning once, in the order they fell due");
    assertNull(slack.arrivals().poll(300, TimeUnit.MILLISECONDS), "nothing more");
  }

  /** The newest outbox row in {@code state}, waiting for it: the receiver answers before the row is marked. */
  private JsonObject awaitNotification(String state) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
    while (System.nanoTime() < deadline) {
      var list = get("/api/v1/notifications?state=" + state, 200).getJsonArray("notifications");
      if (!list.isEmpty()) {
        return list.getJsonObject(0);
      }
      java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
    }
    throw new AssertionError("no " + state + " notification within " + WAIT_S + "s");
  }

  private JsonObject get(String path, int status) throws Exception {
    var client = io.vertx.ext.web.client.WebClient.create(fakes);
    try {
      var resp = await(client.get(service.port(), "127.0.0.1", path).send());
      assertEquals(status, resp.statusCode(), path + " -> " + resp.bodyAsString());
      return resp.bodyAsJsonObject();
    } finally {
      client.close();
    }
  }

  private io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> post(String path, String body) throws Exception {
    var client = io.vertx.ext.web.client.WebClient.create(fakes);
    try {
      return await(client.post(service.port(), "127.0.0.1", path)
          .sendBuffer(io.vertx.core.buffer.Buffer.buffer(body)));
    } finally {
      client.close();
    }
  }

  private JsonObject nextSlack() throws InterruptedException {
    JsonObject body = slack.arrivals().poll(WAIT_S, TimeUnit.SECONDS);
    assertNotNull(body, "Slack received nothing within " + WAIT_S + "s");
    return body;
  }

  private void awaitActivity(String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
    while (System.nanoTime() < deadline) {
      String line = activity.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line != null && line.contains(" " + what + " ")) {
        return;
      }
    }
    throw new AssertionError("no '" + what + "' in the activity log within " + WAIT_S + "s");
  }

  /** Scrapes until the text holds {@code needle} (the test fails when it never does), and returns that scrape. */
  private String scrapeUntil(String needle) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
    String metrics = scrape();
    while (!metrics.contains(needle)) {
      assertTrue(System.nanoTime() < deadline, "never scraped " + needle + " in:\n" + metrics);
      java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
      metrics = scrape();
    }
    return metrics;
  }

  private String scrape() throws Exception {
    var client = io.vertx.ext.web.client.WebClient.create(fakes);
    try {
      return await(client.get(service.port(), "127.0.0.1", "/metrics").send()).bodyAsString();
    } finally {
      client.close();
    }
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(WAIT_S, TimeUnit.SECONDS);
  }
}
