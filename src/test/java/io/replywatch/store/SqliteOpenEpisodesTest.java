package io.replywatch.store;

import static io.replywatch.testing.Posts.T0;
import static io.replywatch.testing.Posts.as;
import static io.replywatch.testing.Posts.mention;
import static io.replywatch.testing.Posts.post;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.classify.Category;
import io.replywatch.config.ConfigLoader;
import io.replywatch.config.Platform;
import io.replywatch.ingest.Mention;
import io.replywatch.ingest.OpenEpisodes.Watched;
import io.replywatch.sla.Episode;
import io.replywatch.sla.SlaListener;
import io.replywatch.sla.SlaStore;
import io.replywatch.sla.SlaTracker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The open episodes the deleted-post check reads: one account's, oldest first, with their follow-ups. */
class SqliteOpenEpisodesTest {
  @TempDir
  Path dir;

  @Test
  void shouldListTheAccountsOpenEpisodesThatAlertOldestFirstWithEveryPost() throws Exception {
    try (Database db = Database.open(dir.resolve("o.db"))) {
      SlaStore store = new SqliteSlaStore(db);
      SlaTracker tracker = new SlaTracker(ConfigLoader.defaultPolicies(), new SlaListener() {
        @Override
        public void opened(Episode e) {
          store.saveEpisode(e);
        }

        @Override
        public void followUp(Episode e, String postId) {
          store.saveEpisode(e);
        }

        @Override
        public void closed(Episode e) {
          store.saveEpisode(e);
        }
      });
      Mention first = mention("m1", "jane", T0, null);
      Mention followUp = mention("m2", "jane", T0.plus(Duration.ofMinutes(5)), "m1");
      Mention second = mention("m3", "omar", T0.plus(Duration.ofMinutes(1)), null);
      Mention closed = mention("m4", "lee", T0.plus(Duration.ofMinutes(2)), null);
      Mention otherAccount = new Mention("acme", "acme-eu", post("m5", "kim", T0.minusSeconds(60), null), T0);
      Mention praise = mention("m6", "ana", T0.minusSeconds(30), null);
      store.inTransaction(() -> {
        for (Mention m : List.of(first, followUp, second, closed, otherAccount)) {
          store.saveMention(m, as(Category.COMPLAINT));
          tracker.onMention(m, as(Category.COMPLAINT));
        }
        store.saveMention(praise, as(Category.PRAISE));
        tracker.onMention(praise, as(Category.PRAISE));
        tracker.closeByHand(tracker.openEpisodes().stream().filter(e -> e.opening().post().id().equals("m4")).findFirst()
            .orElseThrow().id(), "answered by phone", T0.plus(Duration.ofMinutes(3)));
      });

      SqliteOpenEpisodes open = new SqliteOpenEpisodes(db, (brand, platform) -> java.util.Set.of(Category.COMPLAINT));
      List<Watched> acme = open.open(Platform.MASTODON, "acme", "acme", 10);
      assertEquals(List.of(List.of("m1", "m2"), List.of("m3")), acme.stream().map(Watched::postIds).toList());
      assertEquals(T0, acme.get(0).openedAt());
      assertEquals(List.of(List.of("m1", "m2")),
          open.open(Platform.MASTODON, "acme", "acme", 1).stream().map(Watched::postIds).toList(), "the limit");
      assertEquals(List.of(List.of("m5")),
          open.open(Platform.MASTODON, "acme", "acme-eu", 10).stream().map(Watched::postIds).toList());
      assertEquals(List.of(), open.open(Platform.X, "acme", "acme", 10));
      assertEquals(List.of(), open.open(Platform.MASTODON, "beta", "acme", 10));
      // Praise waits unanswered under a policy without targets: not looked up, unless its policy alerts.
      assertEquals(List.of(List.of("m6"), List.of("m1", "m2"), List.of("m3")),
          new SqliteOpenEpisodes(db, (brand, platform) -> java.util.Set.of(Category.COMPLAINT, Category.PRAISE))
              .open(Platform.MASTODON, "acme", "acme", 10).stream().map(Watched::postIds).toList());
    }
  }
}
