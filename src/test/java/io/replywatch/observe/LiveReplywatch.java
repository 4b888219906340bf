package io.replywatch.observe;

import io.replywatch.classify.model.Classifiers;
import io.replywatch.cli.Service;
import io.replywatch.config.ConfigLoader;
import io.replywatch.config.ReplywatchConfig;
import io.replywatch.ingest.InMemoryCursorStore;
import io.replywatch.simulator.DemoScenario;
import io.replywatch.simulator.FakeWebhookReceiver;
import io.replywatch.simulator.bluesky.BlueskySimulator;
import io.replywatch.simulator.mastodon.MastodonSimulator;
import io.replywatch.time.ServiceClock;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real service on the demo's scripted shift (Mastodon and Bluesky), with time running {@value #SPEED} times
 * faster so that a few seconds of scraping see mentions, warnings, breaches, answers and deliveries: the thing
 * Prometheus scrapes in the end-to-end dashboard test.
 */
final class LiveReplywatch implements AutoCloseable {
  static final int SPEED = 600;

  private final Vertx sims = Vertx.vertx();
  private final FakeWebhookReceiver slack = new FakeWebhookReceiver();
  private final Service service;
  private final HttpClient http = HttpClient.newHttpClient();

  LiveReplywatch() throws Exception {
    Instant start = Instant.now();
    ServiceClock clock = ServiceClock.scaled(start, SPEED);
    MastodonSimulator mastodon = new MastodonSimulator(DemoScenario.timeline(start), clock,
        DemoScenario.BRAND_ACCOUNT_ID, "token");
    // Bluesky too, for the series only X and Bluesky sources have (their backlog meters).
    DemoScenario.Bluesky sky = DemoScenario.bluesky(start);
    BlueskySimulator bluesky = new BlueskySimulator(sky.timeline(), clock, DemoScenario.BLUESKY_DID,
        DemoScenario.BLUESKY_HANDLE, "token").withKeywordPosts(sky.keywordPosts());
    await(sims.deployVerticle(mastodon).compose(id -> sims.deployVerticle(bluesky))
        .compose(id -> sims.deployVerticle(slack)));
    String yaml = """
        server: { host: 127.0.0.1, port: 0 }
        storage: { path: "%s" }
        brands:
          - id: acme
            accounts:
              - { platform: mastodon, id: "%s", handle: acme, token: token }
              - { platform: bluesky, id: "%s", handle: %s, token: token }
        platforms:
          mastodon: { baseUrl: "%s", pollInterval: 30s }
          bluesky: { baseUrl: "%s", pollInterval: 30s }
        alerts:
          support:
            - { type: slack, url: "${SLACK_URL}" }
          paging:
            - { type: console }
        """.formatted(
        java.nio.file.Files.createTempDirectory("replywatch-e2e").resolve("e2e.db"), DemoScenario.BRAND_ACCOUNT_ID,
        DemoScenario.BLUESKY_DID, DemoScenario.BLUESKY_HANDLE, mastodon.baseUrl(), bluesky.baseUrl());
    ReplywatchConfig config = new ConfigLoader(Map.of("SLACK_URL", slack.url("/hook"))::get).parse(yaml, "e2e");
    service = await(Service.start(new Service.Options(config, clock, Classifiers.byDefault(),
        new InMemoryCursorStore(), line -> {}, line -> {})));
  }

  /** {@code host:port} to scrape. */
  String target() {
    return "127.0.0.1:" + service.port();
  }

  /** Slack messages delivered so far: warnings, pages and follow-ups. */
  int delivered() {
    return slack.accepted().size();
  }

  String scrapeText() throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://" + target() + "/metrics"))
        .timeout(Duration.ofSeconds(10)).build();
    return http.send(req, HttpResponse.BodyHandlers.ofString()).body();
  }

  @Override
  public void close() throws Exception {
    await(service.stop());
    await(sims.close());
  }

  private static <T> T await(io.vertx.core.Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
