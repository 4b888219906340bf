package io.replywatch.cli;

import io.replywatch.classify.model.Classifiers;
import io.replywatch.config.ConfigLoader;
import io.replywatch.config.ReplywatchConfig;
import io.replywatch.simulator.DemoScenario;
import io.replywatch.simulator.FakeWebhookReceiver;
import io.replywatch.simulator.Timeline;
import io.replywatch.simulator.bluesky.BlueskySimulator;
import io.replywatch.simulator.mastodon.MastodonSimulator;
import io.replywatch.time.ServiceClock;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code demo}: the real service against built-in simulated platforms and a local Slack receiver, on a clock that
 * runs {@code --speed} times faster, with a readable live log. Needs no account, token or server.
 */
public final class DemoCommand implements Command {
  static final String TOKEN = "demo-token";

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String summary() {
    return "the service against built-in simulated platforms, time running --speed times faster";
  }

  @Override
  public String usage() {
    return """
        usage: replywatch demo [--speed 60] [--port 8080]

        Runs the real pipeline against a simulated Mastodon instance and Bluesky PDS playing a scripted support shift, with a
        local Slack webhook receiver standing in for Slack and the console standing in for the pager. Time runs
        --speed times faster (60: one minute of demo is an hour of support life), so within about 90 seconds you
        see mentions classified, a warning at 30 minutes, a page at 60 and the follow-up when the brand answers.
        Serves /metrics, /health/live, /health/ready and the /api/v1 endpoints on 127.0.0.1:--port. Runs until
        Ctrl-C.

          --speed N   how many times faster than real time the clock runs (1-3600, default 60)
          --port N    HTTP port for /metrics, /health and /api/v1 (default 8080; 0 picks a free one)""";
  }

  @Override
  public int run(List<String> raw, Console io) throws Exception {
    Args args = Args.parse(raw, Set.of("--speed", "--port"), Set.of());
    int speed = args.intValue("--speed", 60, 1, 3600);
    int port = args.intValue("--port", 8080, 0, 65535);
    Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    ServiceClock clock = ServiceClock.pausedScaled(start, speed);

    Vertx sims = Vertx.vertx();
    Timeline timeline = DemoScenario.timeline(start);
    MastodonSimulator mastodon = new MastodonSimulator(timeline, clock, DemoScenario.BRAND_ACCOUNT_ID, TOKEN);
    mastodon.deleteAsScripted(timeline);
    DemoScenario.Bluesky sky = DemoScenario.bluesky(start);
    BlueskySimulator bluesky = new BlueskySimulator(sky.timeline(), clock, DemoScenario.BLUESKY_DID,
        DemoScenario.BLUESKY_HANDLE, TOKEN).withKeywordPosts(sky.keywordPosts());
    // Everything the demo logs waits until the banner is out, and the banner waits until the port is bound.
    HeldLines log = new HeldLines(io.out()::println);
    FakeWebhookReceiver slack = new FakeWebhookReceiver(body ->
        log.accept("          -> Slack    " + body.getString("text")));
    sims.deployVerticle(mastodon).compose(id -> sims.deployVerticle(bluesky)).compose(id -> sims.deployVerticle(slack))
        .await();

    // A fresh store per demo run: the demo's clock starts now, and yesterday's demo episodes would only confuse.
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("replywatch-demo");
    java.nio.file.Path store = dir.resolve("demo.db");
    // Removed at exit, after the shutdown hook has closed the store (files first: deleted in reverse order).
    for (String name : List.of("", "demo.db", "demo.db-wal", "demo.db-shm", "demo.db-journal")) {
      dir.resolve(name).toFile().deleteOnExit();
    }
    ReplywatchConfig config = new ConfigLoader(Map.of("SLACK_URL", slack.url("/services/T000/B000/demo"),
        "STORE", store.toString())::get)
        .parse(demoConfig(mastodon.baseUrl(), bluesky.baseUrl(), port, speed), "the demo's built-in config");
    Service service;
    try {
      service = Service.start(new Service.Options(config, clock, Classifiers.withRules(config.classifierRules()), null,
          log, line -> log.accept("          -> Pager    " + line))).await();
    } catch (Exception e) {
      sims.close();
      throw Lifecycle.explainStartFailure(e, "127.0.0.1", port, "--port");
    }
    io.out().println(banner(speed, port));
    io.out().println("Serving http://127.0.0.1:" + service.port() + "/metrics and /health/ready. Ctrl-C stops.\n");
    log.release();
    awaitFirstPolls(service);
    clock.resume();
    int code = Lifecycle.runUntilStopped(service);
    sims.close();
    return code;
  }

  /**
   * The demo clock starts once every source has been read at the start instant (or after 15 s): otherwise, at a
   * high --speed, the brand's first reply is already out when the first poll lands, and the overdue complaint that
   * should warn and page at once is simply answered.
   */
  private static void awaitFirstPolls(Service service) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!service.health().ready() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  static String demoConfig(String mastodonUrl, String blueskyUrl, int port, int speed) {
    int interval = Math.max(1, Math.min(30, speed / 2));
    return """
        server: { host: 127.0.0.1, port: %d }
        storage: { path: "${STORE}" }
        brands:
          - id: acme
            accounts:
              - { platform: mastodon, id: "%s", handle: %s, token: "%s" }
              - { platform: bluesky, id: "%s", handle: %s, token: "%s" }
            keywords: ["acme"]
        platforms:
          mastodon: { baseUrl: "%s", pollInterval: %ds }
          bluesky: { baseUrl: "%s", pollInterval: %ds }
        alerts:
          support:
            - { type: slack, url: "${SLACK_URL}" }
          paging:
            - { type: console }
        """.formatted(port, DemoScenario.BRAND_ACCOUNT_ID, DemoScenario.BRAND_HANDLE, TOKEN,
        DemoScenario.BLUESKY_DID, DemoScenario.BLUESKY_HANDLE, TOKEN, mastodonUrl, interval, blueskyUrl, interval);
  }

  private static String banner(int speed, int port) {
    return """
        Replywatch demo: brand @acme on a simulated Mastodon and Bluesky; one real second is %s of support time.
        Targets: complaints and questions warn support (Slack) at 30 min and page on-call at 60 min.
        Times below are service time (UTC).
        """.formatted(speed == 60 ? "one minute" : speed + " seconds");
  }
}
