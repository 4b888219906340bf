package io.replywatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.replywatch.ingest.Platform;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServiceMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ServiceMetrics metrics = new ServiceMetrics(registry);

  private double gauge(String name) {
    return registry.get(name).tag("platform", "x").tag("account", "acme").gauge().value();
  }

  @Test
  void shouldNotReportASpentQuotaBeforeThePlatformHasSaidAnything() {
    metrics.initSource(Platform.X, "acme", Duration.ofSeconds(60));
    // 0 would be "no requests left": ReplywatchSourceRateLimited would page for a source that is merely down
    assertTrue(Double.isNaN(gauge("replywatch.ratelimit.remaining")));
    assertEquals(0, gauge("replywatch.source.last.success.timestamp"));

    metrics.rateLimitRemaining(Platform.X, "acme", 0);
    metrics.lastSuccess(Platform.X, "acme", Instant.ofEpochSecond(1_700_000_000L));
    assertEquals(0, gauge("replywatch.ratelimit.remaining"));
    assertEquals(1_700_000_000L, gauge("replywatch.source.last.success.timestamp"));
  }

  @Test
  void shouldExportThePollIntervalInSecondsForTheStaleRule() {
    metrics.initSource(Platform.X, "acme", Duration.ofMillis(1500));
    assertEquals(1.5, gauge("replywatch.source.poll.interval"));
  }
}
