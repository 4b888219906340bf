package io.replywatch.ingest;

import io.replywatch.config.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The items one poller set aside during a cycle ({@link Rejected}), and what becomes of them once the cycle's batch
 * was taken: each is kept in the {@link RejectedStore} before the cursors move past it, so it is never lost, and
 * one kept for the first time is logged on one line and counted. A page that shows it again adds nothing. A failed
 * cycle drops its list: the next one reads the same pages and finds the same items. One verticle owns it.
 */
final class SetAside {
  private static final Logger LOG = LoggerFactory.getLogger(SetAside.class);

  private record Found(String endpoint, Rejected item) {}

  private final Platform platform;
  private final String account;
  private final RejectedStore store;
  private final IngestMetrics metrics;
  private final List<Found> found = new ArrayList<>();
  private int kept;

  SetAside(Platform platform, String account, RejectedStore store, IngestMetrics metrics) {
    this.platform = platform;
    this.account = account;
    this.store = store;
    this.metrics = metrics;
  }

  /** A new cycle starts. */
  void clear() {
    found.clear();
    kept = 0;
  }

  void add(String endpoint, List<Rejected> items) {
    items.forEach(item -> found.add(new Found(endpoint, item)));
  }

  /** Keeps what this cycle found; the ones new to the store are logged and counted. */
  void keep(Instant seenAt) {
    for (Found f : found) {
      if (store.keep(platform, account, f.endpoint(), f.item(), seenAt)) {
        kept++;
        metrics.itemRejected(platform, account);
        // Id and reason are already one line (Rejected.of); the item's text stays in the store, never in the log.
        LOG.warn("unreadable item set aside: platform={} account={} endpoint={} id={} reason={} (its JSON, {} chars,"
            + " kept in rejected_items)", platform.id(), account, f.endpoint(), f.item().id().orElse("none"),
            f.item().reason(), f.item().rawLength());
      }
    }
  }

  /** How many items this cycle set aside for the first time. */
  int kept() {
    return kept;
  }
}
