package io.replywatch.ingest.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig.Account;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.config.ReplywatchConfig.PlatformSettings;
import io.replywatch.config.Secret;
import io.replywatch.ingest.DeletedCheckContract;
import io.replywatch.ingest.Poller;
import io.replywatch.simulator.SimRequest;
import io.replywatch.simulator.SimulatorBase;
import io.replywatch.simulator.Timeline;
import io.replywatch.simulator.bluesky.BlueskySimulator;
import io.replywatch.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The deleted-post check against the Bluesky simulator: {@code app.bsky.feed.getPosts} leaves a deleted post out
 * of its answer, as it does one the AppView missed for a while (the restore case of the contract).
 */
class BlueskyDeletedTest extends DeletedCheckContract {
  private static final String DID = "did:plc:acmebrand222333344445555";
  private static final String HANDLE = "acme.bsky.social";
  private static final String PASSWORD = "abcd-efgh-ijkl-mnop";

  @Override
  protected SimulatorBase simulator(Timeline timeline, ManualClock clock) {
    return new BlueskySimulator(timeline, clock, DID, HANDLE, PASSWORD);
  }

  @Override
  protected Poller poller(PlatformSettings settings) {
    Account account = new Account(Platform.BLUESKY, DID, HANDLE, new Secret(PASSWORD));
    Brand brand = new Brand("acme", List.of(account), Set.of(), List.of());
    return new BlueskyPoller(brand, account, settings, h.cursors, h.rejected, h.health, h.metrics, h.clock);
  }

  @Override
  protected Platform platform() {
    return Platform.BLUESKY;
  }

  @Override
  protected String postId(String simId) {
    return ((BlueskySimulator) sim).uriOf(simId);
  }

  @Override
  protected String mention(Timeline timeline, Instant at, String text) {
    return timeline.add(at, "501", "jane", "@" + HANDLE + " " + text, false, null, "en");
  }

  @Test
  void shouldAskAtMostTwentyFiveUrisARequestAndCloseEveryDeletedOne() throws Exception {
    for (int i = 0; i < 28; i++) {
      String id = mention(timeline, T0.minus(Duration.ofMinutes(60 - i)), "complaint " + i);
      episodes.open(platform(), T0.minus(Duration.ofMinutes(60 - i)), postId(id));
      sim.delete(id);
    }
    Poller poller = poller(settings(Optional.of(CHECK))).watchDeletions(episodes);
    h.start(poller);
    List<SimRequest> lookups = sim.requests().stream().filter(r -> r.path().endsWith("getPosts")).toList();
    assertEquals(2, lookups.size(), "28 posts: 25 and 3");
    assertTrue(lookups.stream().allMatch(r -> r.query().split("uris=").length - 1 <= 25), lookups.toString());
    h.step(poller, CHECK);
    assertEquals(28, episodes.closed.size());
  }
}
