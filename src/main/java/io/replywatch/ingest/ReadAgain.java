package io.replywatch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.replywatch.config.Platform;
import io.replywatch.text.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The items one account's poller set aside earlier, read again when it starts. The likeliest way such an item
 * becomes readable is a newer Replywatch whose parser reads what an older one could not, and the cursor moved past
 * it long ago: the platform will not send it again. Each item that now reads waits for the first cycle whose batch
 * can carry it (on X and Bluesky a mention waits while a cycle holds its mentions back for the brand's own posts), is
 * handed on with that batch like any post, and only once the SLA stage took the batch is it marked in the store,
 * logged and counted: a crash before then reads it again at the next start. An item that still does not read, or
 * whose stored JSON was cut, stays as it is, unsaid. One verticle owns an instance: {@link #load} runs on a worker
 * before the first cycle, the rest on the verticle's event loop.
 */
final class ReadAgain {
  private static final Logger LOG = LoggerFactory.getLogger(ReadAgain.class);

  private record Found(RejectedStore.Kept item, Reread read) {}

  private final Platform platform;
  private final String account;
  private final RejectedStore store;
  private final IngestMetrics metrics;
  /** Items that read, not yet in a batch that was taken. */
  private final List<Found> waiting = new ArrayList<>();
  /** Those {@link #join} put into the cycle being handed on. */
  private final List<Found> carried = new ArrayList<>();

  ReadAgain(Platform platform, String account, RejectedStore store, IngestMetrics metrics) {
    this.platform = platform;
    this.account = account;
    this.store = store;
    this.metrics = metrics;
  }

  /**
   * Reads every item of the account still waiting in the store with {@code reader} (endpoint, item JSON); blocking.
   * A store that fails leaves the rest for the next start. Returns how many read.
   */
  int load(BiFunction<String, JsonNode, Reread> reader) {
    try {
      store.eachWaiting(platform, account, item -> read(platform, item, reader)
          .ifPresent(r -> waiting.add(new Found(item, r))));
    } catch (RuntimeException e) {
      LOG.warn("set-aside items not read again at this start: platform={} account={}: {}", platform.id(), account,
          Text.line(String.valueOf(e.getMessage()), 500));
    }
    return waiting.size();
  }

  /** What {@code item} reads as now; empty when its JSON was cut or it still cannot be read. */
  static Optional<Reread> read(Platform platform, RejectedStore.Kept item,
      BiFunction<String, JsonNode, Reread> reader) {
    if (!item.whole()) {
      return Optional.empty();
    }
    try {
      return Optional.of(reader.apply(item.endpoint(), WireJson.read(platform.id(), item.raw())));
    } catch (RuntimeException e) {
      return Optional.empty(); // still unreadable: it stays set aside, as it was
    }
  }

  /**
   * {@code cycle} with the waiting items it can carry, oldest first and before its own posts (they are older); a
   * cycle whose mentions wait carries only brand posts.
   */
  Poller.Cycle join(Poller.Cycle cycle) {
    carried.clear();
    waiting.stream().filter(f -> f.read().mention().isEmpty() || !cycle.mentionsWait())
        .sorted(Comparator.comparing(f -> f.read().post().map(Post::createdAt).orElse(Instant.MIN)))
        .forEach(carried::add);
    if (carried.isEmpty()) {
      return cycle;
    }
    List<Post> mentions = new ArrayList<>();
    List<Post> own = new ArrayList<>();
    carried.forEach(f -> {
      f.read().mention().ifPresent(mentions::add);
      f.read().brandPost().ifPresent(own::add);
    });
    mentions.addAll(cycle.mentions());
    own.addAll(cycle.brandPosts());
    return new Poller.Cycle(mentions, own, cycle.cursors(), cycle.mentionsWait());
  }

  /** The batch of the last {@link #join} was taken: each item it carried is marked read again, logged and counted. */
  void taken(Instant at) {
    for (Found f : carried) {
      store.recovered(platform, account, f.item().key(), at);
      waiting.remove(f);
      metrics.itemRecovered(platform, account);
      // The id only: the post's text stays out of the log, as for the items set aside.
      LOG.info("set-aside item read again: platform={} account={} endpoint={} id={}", platform.id(), account,
          f.item().endpoint(), Text.line(f.read().post().map(Post::id).orElse(f.item().key()), 200));
    }
    carried.clear();
  }
}
