package io.replywatch.ingest;

import io.replywatch.ingest.OpenEpisodes.Watched;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pure rules of the deleted-post check: which open episodes to look at, and when what the platform said closes
 * one. A wrong close leaves a complaint nobody answers, the worst failure of this product, so an episode closes only
 * when every one of its posts was {@link Presence#GONE} in two looks in a row at least one check interval apart; any
 * other answer in between (the post back, an error, a missing entry) starts over. A transient miss of an index (the
 * Bluesky AppView, X's lookup) therefore never closes anything. State is in memory only: after a restart two new
 * looks are needed, which errs on the side of keeping an episode open. Not thread-safe (one poller's context).
 */
public final class DeletionStrikes {
  private final Duration interval;
  /** Per episode: when a look first found all its posts gone, with no other answer since. */
  private final Map<String, Instant> struck = new HashMap<>();
  /** Per episode: when it was last looked at, so a check capped below the open episodes rotates through them. */
  private final Map<String, Instant> looked = new HashMap<>();

  public DeletionStrikes(Duration interval) {
    this.interval = interval;
  }

  /**
   * The episodes to look at now, with at most {@code maxIds} posts in all: those waiting for their second look
   * first (a close must not wait behind newer episodes), then those looked at longest ago (never first), oldest
   * episode first. An episode with more posts than {@code maxIds} is never looked at: it stays open. Forgets the
   * state of episodes no longer in {@code open} (answered or closed meanwhile).
   */
  public List<Watched> pick(List<Watched> open, int maxIds) {
    Set<String> ids = open.stream().map(Watched::episodeId).collect(Collectors.toSet());
    struck.keySet().retainAll(ids);
    looked.keySet().retainAll(ids);
    List<Watched> order = new ArrayList<>(open);
    order.sort(Comparator.<Watched, Boolean>comparing(w -> !struck.containsKey(w.episodeId()))
        .thenComparing(w -> looked.getOrDefault(w.episodeId(), Instant.MIN))
        .thenComparing(Watched::openedAt));
    List<Watched> picked = new ArrayList<>();
    int posts = 0;
    for (Watched w : order) {
      if (!w.postIds().isEmpty() && posts + w.postIds().size() <= maxIds) {
        picked.add(w);
        posts += w.postIds().size();
      }
    }
    return picked;
  }

  /**
   * What one look at {@code episodes} found ({@code answers} by post id; a post not in it counts as
   * {@link Presence#UNKNOWN}); returns the episodes to close now, each the second time all its posts were gone.
   */
  public List<Watched> looked(List<Watched> episodes, Map<String, Presence> answers, Instant now) {
    List<Watched> close = new ArrayList<>();
    for (Watched w : episodes) {
      String id = w.episodeId();
      looked.put(id, now);
      boolean gone = w.postIds().stream().allMatch(p -> answers.get(p) == Presence.GONE);
      if (!gone) {
        struck.remove(id);
      } else if (!struck.containsKey(id)) {
        struck.put(id, now);
      } else if (!now.isBefore(struck.get(id).plus(interval))) {
        struck.remove(id);
        close.add(w);
      }
    }
    return close;
  }

  /** Whether a first look found all of {@code episodeId}'s posts gone and the second is still to come. */
  public boolean struck(String episodeId) {
    return struck.containsKey(episodeId);
  }
}
