package io.replywatch.ingest.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig.Account;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.config.ReplywatchConfig.PlatformSettings;
import io.replywatch.config.Secret;
import io.replywatch.ingest.BusyTimeline;
import io.replywatch.ingest.Paging;
import io.replywatch.ingest.PollerHarness;
import io.replywatch.ingest.SourceHealth;
import io.replywatch.simulator.mastodon.MastodonSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Mastodon poller at its page cap ({@link Paging#MAX_PAGES} pages of 80 notifications): a forward read cut by
 * it is a backlog, read on next cycle and reported until it is; a first start's backfill cut by it gives up the
 * older part of the window.
 */
class MastodonBacklogTest {
  private static final Instant T0 = Instant.parse("2026-09-01T10:00:00Z");
  private static final String TOKEN = "mastodon-secret-token";
  private static final int CAP = Paging.MAX_PAGES * 80;

  private PollerHarness h;
  private BusyTimeline busy;
  private MastodonSimulator sim;

  /** {@code posts} customer posts a minute apart from {@code start}, a quarter of them answered. */
  private MastodonPoller setUp(Instant start, int posts, Duration backfill) throws Exception {
    h = new PollerHarness(T0);
    busy = new BusyTimeline(start, posts, "42", "acme");
    sim = new MastodonSimulator(busy.timeline, h.clock, "42", TOKEN);
    h.deploy(sim);
    Account account = new Account(Platform.MASTODON, "42", "acme", new Secret(TOKEN));
    Brand brand = new Brand("acme", List.of(account), Set.of(), List.of());
    return new MastodonPoller(brand, account, new PlatformSettings(sim.baseUrl(), Duration.ofSeconds(60), backfill),
        h.cursors, h.rejected, h.health, h.metrics, h.clock);
  }

  @AfterEach
  void tearDown() throws Exception {
    h.close();
  }

  private double backlogSeconds() {
    return h.registry.get("replywatch.source.backlog").tag("platform", "mastodon").gauge().value();
  }

  private double rangesDropped() {
    return h.registry.get("replywatch.source.ranges.dropped").tag("platform", "mastodon").counter().count();
  }

  private SourceHealth.Status health() {
    return h.health.snapshot().get("mastodon/acme");
  }

  @Test
  void shouldReportABacklogWhileAForwardReadCutAtTheCapCatchesUp() throws Exception {
    MastodonPoller poller = setUp(T0.minus(Duration.ofHours(3)), 180 + 1 + CAP + 99, Duration.ofHours(24));
    h.start(poller); // the 181 posts up to T0
    assertEquals(0.0, backlogSeconds(), "registered at 0");
    h.step(poller, Duration.ofHours(35)); // 2,099 new: the cap reads 2,000

    Instant newestRead = T0.plus(Duration.ofMinutes(CAP));
    assertEquals(Duration.between(newestRead, h.clock.instant()).toSeconds(), backlogSeconds());
    SourceHealth.Status s = health();
    assertEquals(SourceHealth.State.OK, s.state(), s.detail());
    assertEquals("ok; reading a backlog back to " + newestRead, s.detail());
    assertEquals(181 + CAP, h.mentionCounts().size());
    h.clock.advance(Duration.ofMinutes(10));
    assertEquals(Duration.between(newestRead, h.clock.instant()).toSeconds(), backlogSeconds(), "it grows");

    h.step(poller, Duration.ofMinutes(1)); // the other 99: a short page ends it
    assertEquals(0.0, backlogSeconds());
    assertEquals("ok", health().detail());
    assertEquals(busy.customerPosts.size(), h.mentionCounts().size(), "nothing lost");
    h.mentionCounts().forEach((m, n) -> assertEquals(1, n, m));
    assertEquals(0.0, rangesDropped());
  }

  @Test
  void shouldGiveUpTheOlderPartOfTheWindowWhenTheFirstBackfillStopsAtTheCap() throws Exception {
    int posts = CAP + 100;
    MastodonPoller poller = setUp(T0.minus(Duration.ofMinutes(posts)), posts, Duration.ofHours(48));
    h.start(poller);

    assertEquals(1.0, rangesDropped());
    Instant oldestRead = T0.minus(Duration.ofMinutes(CAP));
    assertEquals("ok; gave up this cycle, not read: mastodon notifications between " + oldestRead
        + " and the backfill window's start " + T0.minus(Duration.ofHours(48))
        + ": the first start's backfill stopped at its page cap", health().detail());
    assertEquals(CAP, h.mentionCounts().size(), "the newest 2,000 are read");
    assertEquals(0.0, backlogSeconds(), "no backlog: what is older is not read later");

    String later = busy.timeline.add(T0.plus(Duration.ofMinutes(2)), "77", "cust0", "@acme hello?", false, null, "en");
    h.step(poller, Duration.ofMinutes(5));
    assertEquals(1, h.mentionCounts().get(later), "a later mention is read");
    assertEquals(1.0, rangesDropped(), "given up once");
    assertEquals("ok", health().detail());
  }
}
