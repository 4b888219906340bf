package io.replywatch.replay;

import io.replywatch.classify.Category;
import io.replywatch.classify.Classification;
import io.replywatch.classify.Classifier;
import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig.Policy;
import io.replywatch.ingest.Mention;
import io.replywatch.sla.Episode;
import io.replywatch.sla.Level;
import io.replywatch.sla.SlaEvent;
import io.replywatch.sla.SlaListener;
import io.replywatch.sla.SlaPolicy;
import io.replywatch.sla.SlaTracker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * Runs a history through the same classifier and {@link SlaTracker} as the service, offline, with time taken
 * from the data: before each item at time t every deadline strictly before t fires, and after the last item every
 * deadline up to the last timestamp fires. A reply exactly at a target meets it (targets are inclusive), so it must
 * close the episode before that target's deadline can fire. So a warning counts when the service would have sent
 * it, given the brand's replies as they happened. An episode still open at the end counts as an episode (and in
 * {@code open_at_end}) but not as answered; its warning and breach count only if their deadline is not after the
 * last timestamp, since the data cannot say whether the brand answered later.
 */
public final class Replayer implements SlaListener {
  /** A (brand, platform) row of the report. */
  public record Key(String brand, Platform platform) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = brand.compareTo(o.brand);
      return c != 0 ? c : platform.compareTo(o.platform);
    }
  }

  private final SlaTracker tracker;
  private final Classifier classifier;
  private final BiPredicate<String, String> automated;
  private final Map<Key, ReplayStats> stats = new TreeMap<>();
  private long mentions;
  private long replies;
  private long automatedPosts;

  /** @param automated (brand, author id) → whether posts by that account never count as replies */
  public Replayer(List<Policy> policies, Classifier classifier, BiPredicate<String, String> automated) {
    this.tracker = new SlaTracker(policies, this);
    this.classifier = classifier;
    this.automated = automated;
  }

  /** Replays items in the order given (time order, as the readers return them); call once. */
  public ReplayReport run(List<HistoryItem> items, Consumer<String> progress) {
    Instant last = null;
    long done = 0;
    for (HistoryItem item : items) {
      Instant t = item.post().createdAt();
      // Strictly before t: Instant's finest step is a nanosecond, so "at or before t - 1 ns" is "before t".
      tracker.fireDue(t.minusNanos(1));
      last = t;
      if (item.fromBrand()) {
        if (!automated.test(item.brand(), item.post().authorId())
            && !automated.test(item.brand(), item.post().authorHandle())) {
          replies++;
          tracker.onBrandReply(item.brand(), item.post());
        } else {
          automatedPosts++;
        }
      } else {
        mentions++;
        Classification c = classifier.classify(item.post().text(), item.post().authorHandle());
        tracker.onMention(new Mention(item.brand(), item.brand(), item.post(), t), c);
      }
      if (++done % 500_000 == 0) {
        progress.accept("replayed " + done + " of " + items.size() + " posts");
      }
    }
    if (last != null) {
      tracker.fireDue(last);
    }
    for (Episode e : tracker.openEpisodes()) {
      stats(e.brand(), e.platform()).openAtEnd++;
    }
    return new ReplayReport(stats, mentions, replies, automatedPosts);
  }

  private ReplayStats stats(String brand, Platform platform) {
    return stats.computeIfAbsent(new Key(brand, platform), k -> new ReplayStats());
  }

  @Override
  public void opened(Episode e) {
    ReplayStats s = stats(e.brand(), e.platform());
    s.episodes++;
    if (e.policy().hasTargets()) {
      s.withTargets++;
    }
  }

  /** An episode that had no target and now has one counts among those with targets, as if it had opened so. */
  @Override
  public void escalated(Episode e, Category categoryBefore, SlaPolicy policyBefore) {
    if (!policyBefore.hasTargets() && e.policy().hasTargets()) {
      stats(e.brand(), e.platform()).withTargets++;
    }
  }

  @Override
  public void closed(Episode e) {
    ReplayStats s = stats(e.brand(), e.platform());
    s.answered++;
    Duration rt = e.responseTime().orElse(Duration.ZERO);
    s.response(rt.toMillis() / 1000.0);
    SlaPolicy p = e.policy();
    // Targets are met or missed in clock time: with business hours, time outside them does not count.
    Duration clock = p.clockTime(e.openedAt(), rt);
    if (p.warning().filter(w -> clock.compareTo(w) <= 0).isPresent()) {
      s.withinWarning++;
    }
    if (p.breach().filter(b -> clock.compareTo(b) <= 0).isPresent()) {
      s.withinBreach++;
    }
  }

  @Override
  public void event(SlaEvent event) {
    ReplayStats s = stats(event.brand(), event.platform());
    if (event.level() == Level.WARNING) {
      s.warnings++;
    } else if (event.level() == Level.BREACH) {
      s.breaches++;
    }
  }
}
