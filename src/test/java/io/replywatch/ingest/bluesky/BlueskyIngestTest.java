package io.replywatch.ingest.bluesky;

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
import io.replywatch.simulator.bluesky.BlueskySimulator;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ingest contract against the Bluesky simulator, plus session refresh and a revoked app password. */
class BlueskyIngestTest extends IngestContract {
  private static final String DID = "did:plc:acmebrand222333344445555";
  private static final String HANDLE = "acme.bsky.social";
  private static final String PASSWORD = "abcd-efgh-ijkl-mnop";
  private BlueskySimulator bluesky;

  @Override
  protected SimulatorBase simulator() {
    bluesky = new BlueskySimulator(script.timeline, clock, DID, HANDLE, PASSWORD).withKeywordPosts(script.keywordPosts);
    return bluesky;
  }

  @Override
  protected Poller poller() {
    Account account = new Account(Platform.BLUESKY, DID, HANDLE, new Secret(PASSWORD));
    Brand brand = new Brand("acme", List.of(account), Set.of(), List.of(IngestScript.KEYWORD));
    return new BlueskyPoller(brand, account,
        new PlatformSettings(bluesky.baseUrl(), Duration.ofSeconds(30), BACKFILL), cursors, rejected.store, health,
        metrics, clock);
  }

  @Override
  protected void markMentionsCaughtUp() {
    cursors.put(Platform.BLUESKY, HANDLE, "notifications", IngestScript.T0.toString());
  }

  @Override
  protected boolean notificationsCursorPast(SimPost p) {
    return HighWater.decode(cursors.get(Platform.BLUESKY, HANDLE, "notifications")).orElseThrow().at()
        .isAfter(p.createdAt().plusSeconds(1));
  }

  @Override
  protected String ownEndpoint() {
    return BlueskyPoller.OWN;
  }

  /** The simulator leaves out the post's {@code indexedAt}; the author feed wraps the post. */
  @Override
  protected void mend(String endpoint, ObjectNode item, SimPost p) {
    ObjectNode post = endpoint.equals(BlueskyPoller.OWN) ? (ObjectNode) item.get("post") : item;
    post.put("indexedAt", p.createdAt().plusSeconds(1).toString());
  }

  @Test
  void shouldRefreshAnExpiredTokenWithoutLoggingInAgain() throws Exception {
    await(vertx.deployVerticle(poller()));
    awaitTrue(() -> health.ready(), "the first cycle");
    int handedOn = batches.size();
    bluesky.injectAfter(0, Fault.of(Fault.Kind.EXPIRED_TOKEN));
    clock.advance(Duration.ofMinutes(10));
    awaitTrue(() -> batches.size() > handedOn, "the next batch after the refresh");
    assertEquals(1, bluesky.logins(), "one createSession, then refreshSession");
    assertTrue(bluesky.requests().stream().anyMatch(r -> r.path().endsWith("refreshSession") && r.status() == 200));
    assertEquals(SourceHealth.State.OK, health.snapshot().get("bluesky/" + HANDLE).state());
  }

  @Test
  void shouldSayTheSourceIsBlindWhenTheAppPasswordIsRevoked() throws Exception {
    bluesky.revoke();
    await(vertx.deployVerticle(poller()));
    awaitTrue(() -> health.snapshot().containsKey("bluesky/" + HANDLE)
        && health.snapshot().get("bluesky/" + HANDLE).state() == SourceHealth.State.BLIND, "blind");
    String detail = health.snapshot().get("bluesky/" + HANDLE).detail();
    assertTrue(detail.contains("401") && detail.contains("AuthenticationRequired"), detail);
    assertFalse(detail.contains(PASSWORD), "no password in the health detail");
    assertFalse(health.ready());
  }

  @Test
  void shouldNotSpendTheDailyLoginsWhileThePasswordIsRevoked() throws Exception {
    bluesky.revoke();
    Poller p = poller();
    await(vertx.deployVerticle(p));
    awaitTrue(() -> health.snapshot().containsKey("bluesky/" + HANDLE)
        && health.snapshot().get("bluesky/" + HANDLE).state() == SourceHealth.State.BLIND, "blind");
    awaitTrue(() -> p.settled() > 0, "the first cycle settled, not only reported");
    // Polls go on at the backoff (5 min at most) and stay blind, but log in once per pause, not once per poll
    for (int i = 0; i < 5; i++) {
      long settled = p.settled();
      clock.advance(Duration.ofMinutes(5));
      awaitTrue(() -> p.settled() > settled, "the next cycle");
    }
    assertEquals(1, createSessions(), "no second login within " + BlueskyClient.LOGIN_PAUSE);
    assertTrue(health.snapshot().get("bluesky/" + HANDLE).detail().contains("next login not before"));
    bluesky.restore();
    long settled = p.settled();
    clock.advance(Duration.ofMinutes(10));
    awaitTrue(() -> p.settled() > settled && bluesky.requests().stream()
        .anyMatch(r -> r.path().endsWith("createSession") && r.status() == 200), "a login after the pause");
    assertEquals(2, createSessions());
  }

  private long createSessions() {
    return bluesky.requests().stream().filter(r -> r.path().endsWith("createSession")).count();
  }
}
