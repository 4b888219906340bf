package io.replywatch.ingest.mastodon;

import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig.Account;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.config.ReplywatchConfig.PlatformSettings;
import io.replywatch.config.Secret;
import io.replywatch.ingest.DeletedCheckContract;
import io.replywatch.ingest.Poller;
import io.replywatch.simulator.SimulatorBase;
import io.replywatch.simulator.Timeline;
import io.replywatch.simulator.mastodon.MastodonSimulator;
import io.replywatch.time.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The deleted-post check against the Mastodon simulator: {@code GET /api/v1/statuses/:id}, 404 when gone. */
class MastodonDeletedTest extends DeletedCheckContract {
  private static final String BRAND_ID = "10923";
  private static final String TOKEN = "mastodon-token";

  @Override
  protected SimulatorBase simulator(Timeline timeline, ManualClock clock) {
    return new MastodonSimulator(timeline, clock, BRAND_ID, TOKEN);
  }

  @Override
  protected Poller poller(PlatformSettings settings) {
    Account account = new Account(Platform.MASTODON, BRAND_ID, "acme", new Secret(TOKEN));
    Brand brand = new Brand("acme", List.of(account), Set.of(), List.of());
    return new MastodonPoller(brand, account, settings, h.cursors, h.rejected, h.health, h.metrics, h.clock);
  }

  @Override
  protected Platform platform() {
    return Platform.MASTODON;
  }

  @Override
  protected String postId(String simId) {
    return simId;
  }

  @Override
  protected String mention(Timeline timeline, Instant at, String text) {
    return timeline.add(at, "501", "jane", "@acme " + text, false, null, "en");
  }
}
