package io.replywatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.replywatch.config.Platform;
import io.replywatch.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
  void shouldRegisterTheDeletedPostSeriesAtZeroAndCountEachOutcome() {
    metrics.initDeletedCheck("acme", Platform.MASTODON, "support");
    for (String outcome : new String[] {"ok", "failed"}) {
      assertEquals(0, registry.get("replywatch.deleted.checks").tag("platform", "mastodon").tag("account", "support")
          .tag("outcome", outcome).counter().count());
    }
    assertEquals(0, registry.get("replywatch.episodes.closed.deleted").tag("brand", "acme")
        .tag("platform", "mastodon").counter().count());
    metrics.deletedCheck(Platform.MASTODON, "support", false);
    metrics.episodeClosedDeleted("acme", Platform.MASTODON);
    assertEquals(1, registry.get("replywatch.deleted.checks").tag("outcome", "failed").counter().count());
    assertEquals(0, registry.get("replywatch.deleted.checks").tag("outcome", "ok").counter().count());
    assertEquals(1, registry.get("replywatch.episodes.closed.deleted").counter().count());
  }

  @Test
  void shouldExportThePollIntervalInSecondsForTheStaleRule() {
    metrics.initSource(Platform.X, "acme", Duration.ofMillis(1500));
    assertEquals(1.5, gauge("replywatch.source.poll.interval"));
  }

  @Test
  void shouldExportHowFarBackTheBacklogReachesAtEachScrapeAndZeroWithoutOne() {
    ManualClock clock = new ManualClock(Instant.parse("2026-09-01T12:00:00Z"));
    metrics.initBacklog(Platform.X, "acme", clock);
    metrics.initRangesDropped(Platform.X, "acme");
    assertEquals(0, gauge("replywatch.source.backlog"), "registered at 0");
    assertEquals(0, registry.get("replywatch.source.ranges.dropped").tag("platform", "x").counter().count());

    metrics.backlogSince(Platform.X, "acme", Optional.of(Instant.parse("2026-09-01T10:00:00Z")));
    assertEquals(7200, gauge("replywatch.source.backlog"));
    clock.advance(Duration.ofSeconds(90));
    assertEquals(7290, gauge("replywatch.source.backlog"), "it grows while the backlog waits");
    metrics.backlogSince(Platform.X, "acme", Optional.empty());
    assertEquals(0, gauge("replywatch.source.backlog"));

    metrics.rangeDropped(Platform.X, "acme");
    assertEquals(1, registry.get("replywatch.source.ranges.dropped").tag("platform", "x").counter().count());
  }
}
