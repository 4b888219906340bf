package io.replywatch.ingest.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig.Account;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.config.ReplywatchConfig.PlatformSettings;
import io.replywatch.config.Secret;
import io.replywatch.ingest.IngestContract;
import io.replywatch.ingest.IngestScript;
import io.replywatch.ingest.Poller;
import io.replywatch.ingest.SourceHealth;
import io.replywatch.simulator.Fault;
import io.replywatch.simulator.SimPost;
import io.replywatch.simulator.SimulatorBase;
import io.replywatch.simulator.mastodon.MastodonSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ingest contract against the Mastodon simulator, plus a revoked token making the source blind. */
class MastodonIngestTest extends IngestContract {
  private static final String TOKEN = "mastodon-secret-token";
  private MastodonSimulator mastodon;

  @Override
  protected SimulatorBase simulator() {
    mastodon = new MastodonSimulator(script.timeline, clock, IngestScript.BRAND_ID, TOKEN)
        .withKeywordPosts(script.keywordPosts);
    return mastodon;
  }

  @Override
  protected Poller poller() {
    Account account = new Account(Platform.MASTODON, IngestScript.BRAND_ID, "acme", new Secret(TOKEN));
    Brand brand = new Brand("acme", List.of(account), Set.of(), List.of(IngestScript.KEYWORD));
    return new MastodonPoller(brand, account,
        new PlatformSettings(mastodon.baseUrl(), Duration.ofSeconds(30), BACKFILL), cursors, rejected.store, health,
        metrics, clock);
  }

  @Override
  protected void markMentionsCaughtUp() {
    String newest = script.timeline.all().stream().filter(p -> !p.brand() && !p.createdAt().isAfter(IngestScript.T0))
        .map(p -> p.id()).max(io.replywatch.ingest.Ids.ORDER).orElseThrow();
    cursors.put(Platform.MASTODON, "acme", "notifications", newest);
  }

  @Override
  protected boolean notificationsCursorPast(SimPost p) {
    String cursor = cursors.get(Platform.MASTODON, "acme", "notifications").orElseThrow();
    return io.replywatch.ingest.Ids.ORDER.compare(cursor, p.id()) > 0;
  }

  @Override
  protected String ownEndpoint() {
    return "statuses";
  }

  /** The simulator breaks the status's {@code created_at}; a notification carries its status. */
  @Override
  protected void mend(String endpoint, ObjectNode item, SimPost p) {
    ObjectNode status = endpoint.equals("notifications") ? (ObjectNode) item.get("status") : item;
    status.put("created_at", p.createdAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
  }

  @Test
  void shouldSayWhenItsOwnSchedulingFailsAndKeepPolling() throws Exception {
    // An interval no config accepts: the next due instant overflows after a good cycle. Before the guard, the
    // exception ended the poller silently and health said "starting" for ever.
    Account account = new Account(Platform.MASTODON, IngestScript.BRAND_ID, "acme", new Secret(TOKEN));
    Brand brand = new Brand("acme", List.of(account), Set.of(), List.of(IngestScript.KEYWORD));
    await(vertx.deployVerticle(new MastodonPoller(brand, account,
        new PlatformSettings(mastodon.baseUrl(), Duration.ofSeconds(Long.MAX_VALUE / 2), BACKFILL), cursors,
        rejected.store, health, metrics, clock)));
    awaitTrue(() -> health.snapshot().containsKey("mastodon/acme")
        && health.snapshot().get("mastodon/acme").state() == SourceHealth.State.FAILING, "failing");
    assertTrue(health.snapshot().get("mastodon/acme").detail().startsWith("internal error in the poller"),
        health.snapshot().get("mastodon/acme").detail());
    int before = mastodon.requests().size();
    clock.advance(Duration.ofMinutes(5));
    awaitTrue(() -> mastodon.requests().size() > before, "a retry after the longest backoff");
  }

  @Test
  void shouldAskForMentionsTheNotificationPolicyFilters() throws Exception {
    await(vertx.deployVerticle(poller()));
    awaitTrue(() -> mastodon.requests().stream().anyMatch(r -> r.path().equals("/api/v1/notifications")),
        "a notifications request");
    String query = mastodon.requests().stream().filter(r -> r.path().equals("/api/v1/notifications"))
        .findFirst().orElseThrow().query();
    assertTrue(query.contains("types%5B%5D=mention") && query.contains("include_filtered=true"), query);
  }

  @Test
  void shouldSayTheSourceIsBlindWhenTheTokenIsRevoked() throws Exception {
    mastodon.injectAfter(0, Fault.of(Fault.Kind.UNAUTHORIZED));
    await(vertx.deployVerticle(poller()));
    awaitTrue(() -> health.snapshot().containsKey("mastodon/acme")
        && health.snapshot().get("mastodon/acme").state() == SourceHealth.State.BLIND, "blind");
    SourceHealth.Status status = health.snapshot().get("mastodon/acme");
    assertTrue(status.detail().contains("HTTP 401"), status.detail());
    assertFalse(status.detail().contains(TOKEN), "no token in the health detail");
    assertFalse(health.ready());
    assertEquals(0, batches.size());
  }
  /**
   * A remote server states its statuses' created_at. Backdated by a day, a mention would open an episode past its
   * breach target and page at once; dated a day ahead, a keyword hit would hold its SLA clock back for a day. The
   * mention takes the time of its notification, made when the instance received it; the search hit, which has no
   * such time, the time of the cycle that read it. A status dated within minutes of either keeps its own time.
   */
  @Test
  void shouldNotBelieveAStatusTimeFarFromWhenItWasReceived() throws Exception {
    List<SimPost> mentions = script.timeline.all().stream()
        .filter(p -> !p.brand() && p.createdAt().isBefore(T0) && p.createdAt().isAfter(T0.minus(Duration.ofHours(2))))
        .toList();
    SimPost backdated = mentions.get(0);
    SimPost honest = mentions.get(1);
    SimPost ahead = script.keywordPosts.all().get(19);
    mastodon.misdate(backdated.id(), backdated.createdAt().minus(Duration.ofDays(1)));
    mastodon.misdate(ahead.id(), T0.plus(Duration.ofDays(1)));
    mastodon.misdate(honest.id(), honest.createdAt().minus(Duration.ofMinutes(4)));
    await(vertx.deployVerticle(poller()));
    awaitTrue(health::ready, "the first cycle");
    java.util.Map<String, java.time.Instant> read = new java.util.HashMap<>();
    batches.forEach(b -> b.mentions().forEach(m -> read.put(m.post().id(), m.post().createdAt())));
    assertEquals(backdated.createdAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), read.get(backdated.id()),
        "the notification's time");
    assertEquals(T0, read.get(ahead.id()), "the time of the cycle that read it");
    assertEquals(honest.createdAt().minus(Duration.ofMinutes(4)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
        read.get(honest.id()), "four minutes early is believed");
    assertEquals(2.0, registry.find("replywatch.poll.items.redated").tag("platform", "mastodon").counter().count(),
        "the two posts whose time was replaced, counted once the batch was taken");
  }
}
