package io.replywatch.ingest.reddit;

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
import io.replywatch.simulator.reddit.RedditSimulator;
import io.replywatch.time.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The deleted-post check against the Reddit simulator: {@code /api/info} shows a comment its author deleted as
 * {@code [deleted]}; one a moderator removed as {@code [removed]}, which keeps its episode open.
 */
class RedditDeletedTest extends DeletedCheckContract {
  private static final String CREDENTIALS = "client-id:client-secret:refresh-secret";

  @Override
  protected SimulatorBase simulator(Timeline timeline, ManualClock clock) {
    return new RedditSimulator(timeline, clock, "acmesupport", "client-id", "client-secret", "refresh-secret", 600);
  }

  @Override
  protected Poller poller(PlatformSettings settings) {
    Account account = new Account(Platform.REDDIT, "t2_42", "acmesupport", new Secret(CREDENTIALS));
    Brand brand = new Brand("acme", List.of(account), Set.of(), List.of());
    return new RedditPoller(brand, account, settings, h.cursors, h.rejected, h.health, h.metrics, h.clock);
  }

  @Override
  protected Platform platform() {
    return Platform.REDDIT;
  }

  @Override
  protected String postId(String simId) {
    return ((RedditSimulator) sim).fullname(simId);
  }

  @Override
  protected String mention(Timeline timeline, Instant at, String text) {
    return timeline.add(at, "501", "jane", "u/acmesupport " + text, false, null, "en");
  }

  @Test
  void shouldKeepACommentAModeratorRemovedOpen() throws Exception {
    ((RedditSimulator) sim).removeByModerator(first);
    Poller poller = start();
    h.steps(poller, 3, CHECK);
    assertNoneClosed("[removed] is a moderator's doing, not the customer's");
    assertEquals(0, checks("failed"));
  }
}
