package io.replywatch.ingest.x;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig.Account;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.config.ReplywatchConfig.PlatformSettings;
import io.replywatch.config.Secret;
import io.replywatch.ingest.DeletedCheckContract;
import io.replywatch.ingest.Poller;
import io.replywatch.simulator.SimulatorBase;
import io.replywatch.simulator.Timeline;
import io.replywatch.simulator.x.XSimulator;
import io.replywatch.time.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The deleted-post check against the X simulator: {@code GET /2/tweets?ids=} answers a deleted tweet with a
 * resource-not-found error; a protected one with an "Authorization Error", which keeps its episode open.
 */
class XDeletedTest extends DeletedCheckContract {
  private static final String TOKEN = "bearer-secret";

  @Override
  protected SimulatorBase simulator(Timeline timeline, ManualClock clock) {
    return new XSimulator(timeline, clock, "42", "AcmeSupport", TOKEN, 180);
  }

  @Override
  protected Poller poller(PlatformSettings settings) {
    Account account = new Account(Platform.X, "42", "AcmeSupport", new Secret(TOKEN));
    Brand brand = new Brand("acme", List.of(account), Set.of(), List.of());
    return new XPoller(brand, account, settings, h.cursors, h.rejected, h.health, h.metrics, h.clock);
  }

  @Override
  protected Platform platform() {
    return Platform.X;
  }

  @Override
  protected String postId(String simId) {
    return simId;
  }

  @Override
  protected String mention(Timeline timeline, Instant at, String text) {
    return timeline.add(at, "501", "jane", text, false, null, "en");
  }

  @Test
  void shouldKeepAProtectedTweetsEpisodeOpen() throws Exception {
    ((XSimulator) sim).protect(first);
    Poller poller = start();
    h.steps(poller, 3, CHECK);
    assertNoneClosed("an Authorization Error says the tweet exists");
    assertEquals(0, checks("failed"));
  }
}
