package io.replywatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.cli.Service;
import io.replywatch.config.ConfigLoader;
import io.replywatch.config.ReplywatchConfig;
import io.replywatch.ingest.InMemoryCursorStore;
import io.replywatch.simulator.Timeline;
import io.replywatch.simulator.reddit.RedditSimulator;
import io.replywatch.simulator.x.XSimulator;
import io.replywatch.time.ManualClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * X and Reddit pollers wired by {@link Service} from a config file: a backfilled mention that the brand already
 * answered (in the platform's own app) closes in the SLA tracker without an alert, and a revoked Reddit app makes
 * {@code /health/ready} name the blind source and why.
 */
class XRedditServiceTest {
  private static final Instant T0 = Instant.parse("2026-09-01T10:00:00Z");
  private static final long WAIT_S = 20;

  private final ManualClock clock = new ManualClock(T0);
  private final List<String> activity = new CopyOnWriteArrayList<>();
  private final Vertx fakes = Vertx.vertx();
  private WebClient http;
  private Service service;
  @org.junit.jupiter.api.io.TempDir
  java.nio.file.Path dir;

  @AfterEach
  void tearDown() throws Exception {
    if (service != null) {
      await(service.stop());
    }
    await(fakes.close());
  }

  private static Timeline answeredAndWaiting(String brandId, String brandHandle) {
    Timeline t = new Timeline();
    String asked = t.add(T0.minus(Duration.ofMinutes(20)), "501", "jane", "where is my order? acme", false, null, "en");
    t.add(T0.minus(Duration.ofMinutes(12)), brandId, brandHandle, "Jane, it ships today.", true, asked, "en");
    t.add(T0.minus(Duration.ofMinutes(3)), "502", "omar", "charged twice, need a refund", false, null, "en");
    return t;
  }

  @Test
  void shouldCloseAnsweredMentionsAndReportARevokedSourceBlind() throws Exception {
    XSimulator x = new XSimulator(answeredAndWaiting("42", "AcmeSupport"), clock, "42", "AcmeSupport", "x-token", 450);
    RedditSimulator reddit = new RedditSimulator(answeredAndWaiting("7", "acmesupport"), clock, "acmesupport",
        "cid", "csecret", "rtoken", 600);
    await(fakes.deployVerticle(x).compose(id -> fakes.deployVerticle(reddit)));
    String yaml = """
        server: { host: 127.0.0.1, port: 0 }
        storage: { path: "%s" }
        brands:
          - id: acme
            accounts:
              - { platform: x, id: "42", handle: AcmeSupport, token: "${X_TOKEN}" }
              - { platform: reddit, id: "t2_7", handle: acmesupport, token: "${REDDIT_CREDENTIALS}" }
            keywords: [acme]
        platforms:
          x: { baseUrl: "%s", pollInterval: 60s }
          reddit: { baseUrl: "%s", pollInterval: 60s }
        alerts:
          paging:
            - { type: console }
        """.formatted(dir.resolve("xr.db"), x.baseUrl(), reddit.baseUrl());
    ReplywatchConfig config = new ConfigLoader(Map.of("X_TOKEN", "x-token",
        "REDDIT_CREDENTIALS", "cid:csecret:rtoken")::get).parse(yaml, "test.yaml");
    service = await(Service.start(new Service.Options(config, clock, io.replywatch.classify.model.Classifiers.byDefault(),
        new InMemoryCursorStore(), activity::add, line -> {})));
    http = WebClient.create(fakes);

    awaitTrue(() -> count(" answered ") == 2 && count(" waiting ") >= 2, "both answered mentions closed");
    JsonObject ready = awaitReady(200);
    assertEquals("ok", ready.getJsonObject("sources").getJsonObject("x/AcmeSupport").getString("state"));

    reddit.revoke();
    clock.advance(Duration.ofMinutes(2));
    JsonObject blind = awaitReady(503);
    JsonObject source = blind.getJsonObject("sources").getJsonObject("reddit/acmesupport");
    assertEquals("blind", source.getString("state"));
    assertTrue(source.getString("detail").contains("token rejected") && !source.getString("detail").contains("csecret"),
        source.getString("detail"));
    assertTrue(activity.stream().noneMatch(l -> l.contains("WARNING") || l.contains("BREACH")), activity.toString());
  }

  private long count(String what) {
    return activity.stream().filter(l -> l.contains(what)).count();
  }

  private JsonObject awaitReady(int status) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
    while (true) {
      var resp = await(http.get(service.port(), "127.0.0.1", "/health/ready").send());
      // /health/ready reads the sources and the verdict one after the other: wait for a body that agrees.
      if (resp.statusCode() == status && resp.bodyAsJsonObject().getJsonObject("sources").stream()
          .allMatch(e -> ((JsonObject) e.getValue()).getString("state").equals(status == 200 ? "ok" : "blind")
              || status != 200 && !e.getKey().startsWith("reddit"))) {
        return resp.bodyAsJsonObject();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("/health/ready never answered " + status + ": " + resp.bodyAsString());
      }
      LockSupport.parkNanos(5_000_000);
    }
  }

  private static void awaitTrue(Supplier<Boolean> condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what);
      }
      LockSupport.parkNanos(1_000_000);
    }
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(WAIT_S, TimeUnit.SECONDS);
  }
}
