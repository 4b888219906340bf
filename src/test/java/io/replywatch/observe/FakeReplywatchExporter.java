package io.replywatch.observe;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the service's {@code GET /metrics} until the service exists: every metric of product.md §3,
 * rendered by Micrometer's own Prometheus registry (so names, {@code _total} suffixes and {@code le="1800.0"}
 * look exactly as the service's will), and moving on every scrape so rates and ratios have data.
 *
 * <p>It is test scaffolding, not the service's metrics code: the end-to-end test of issue 7 replaces it with the
 * real service on a simulator scenario.
 */
final class FakeReplywatchExporter implements AutoCloseable {

  private static final Duration[] RESPONSE_BUCKETS = seconds(300, 900, 1800, 3600, 7200, 14400, 86400);
  private static final Duration[] LAG_BUCKETS = seconds(1, 5, 15, 30, 60, 300, 900);
  private static final String[] PLATFORMS = {"x", "mastodon"};
  private static final String[] CATEGORIES = {"complaint", "question", "praise", "neutral"};

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<Runnable> onScrape = new ArrayList<>();
  private final AtomicLong lastSuccess = new AtomicLong(System.currentTimeMillis() / 1000);
  private final AtomicLong remaining = new AtomicLong(100);
  private final Semaphore scrapes = new Semaphore(0);
  private final HttpServer server;

  FakeReplywatchExporter() throws IOException {
    for (String platform : PLATFORMS) {
      registerPlatform(platform);
    }
    registerNotifications();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/metrics", exchange -> {
      onScrape.forEach(Runnable::run);
      byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
      scrapes.release();
    });
    server.start();
  }

  /** {@code host:port} to scrape. */
  String target() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** The exposition text as the service would serve it (one extra scrape, nothing recorded by it). */
  String scrapeText() {
    return registry.scrape();
  }

  /** Waits until Prometheus has scraped {@code count} more times; false on timeout. */
  boolean awaitScrapes(int count, Duration timeout) throws InterruptedException {
    return scrapes.tryAcquire(count, timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    server.stop(0);
    registry.close();
  }

  private void registerPlatform(String platform) {
    String account = "acme_" + platform;
    for (String category : CATEGORIES) {
      Counter mentions = Counter.builder("replywatch.mentions").description("Mentions seen.")
          .tags("brand", "acme", "platform", platform, "category", category).register(registry);
      Timer response = Timer.builder("replywatch.response").description("Waiting episodes by response time.")
          .tags("brand", "acme", "platform", platform, "category", category)
          .serviceLevelObjectives(RESPONSE_BUCKETS).register(registry);
      for (String age : new String[] {"under_30m", "30m_to_60m", "over_60m"}) {
        Gauge.builder("replywatch.waiting", () -> 1).description("Open episodes by age.")
            .tags("brand", "acme", "platform", platform, "category", category, "age", age).register(registry);
      }
      List<Counter> events = new ArrayList<>();
      for (String level : new String[] {"warning", "breach", "resolved"}) {
        events.add(Counter.builder("replywatch.sla.events").description("SLA events.")
            .tags("brand", "acme", "platform", platform, "category", category, "level", level).register(registry));
      }
      onScrape.add(() -> {
        mentions.increment(3);
        response.record(Duration.ofMinutes(10));
        response.record(Duration.ofMinutes(40));
        response.record(Duration.ofMinutes(90));
        events.forEach(Counter::increment);
      });
    }
    List<Counter> polls = new ArrayList<>();
    for (String outcome : new String[] {"ok", "rate_limited", "error"}) {
      polls.add(Counter.builder("replywatch.poll.requests").description("Poll requests by outcome.")
          .tags("platform", platform, "account", account, "outcome", outcome).register(registry));
    }
    Gauge.builder("replywatch.source.last.success.timestamp", lastSuccess, AtomicLong::get).baseUnit("seconds")
        .description("Unix time of the last successful poll.")
        .tags("platform", platform, "account", account).register(registry);
    Gauge.builder("replywatch.ratelimit.remaining", remaining, AtomicLong::get)
        .description("Requests left in the rate-limit window.")
        .tags("platform", platform, "account", account).register(registry);
    Timer lag = Timer.builder("replywatch.ingest.lag").description("received_at - created_at.")
        .tags("platform", platform).serviceLevelObjectives(LAG_BUCKETS).register(registry);
    onScrape.add(() -> {
      polls.forEach(Counter::increment);
      lastSuccess.set(System.currentTimeMillis() / 1000);
      remaining.decrementAndGet();
      lag.record(Duration.ofSeconds(4));
      lag.record(Duration.ofSeconds(40));
    });
  }

  private void registerNotifications() {
    for (String channel : new String[] {"slack", "pagerduty"}) {
      for (String level : new String[] {"warning", "breach", "resolved"}) {
        for (String outcome : new String[] {"sent", "retried", "failed"}) {
          Counter c = Counter.builder("replywatch.notifications").description("Notification deliveries.")
              .tags("channel", channel, "level", level, "outcome", outcome).register(registry);
          onScrape.add(c::increment);
        }
      }
    }
  }

  private static Duration[] seconds(long... values) {
    Duration[] out = new Duration[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Duration.ofSeconds(values[i]);
    }
    return out;
  }
}
