package io.replywatch.ingest.bluesky;

import io.replywatch.ingest.bluesky.BlueskyParser.Item;
import io.replywatch.ingest.bluesky.BlueskyParser.Listing;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a newest-first, cursor-only Bluesky list back to a {@link HighWater} mark (or, on a first start, to the
 * start of the backfill window). Pages may be short or empty while a cursor is present (the AppView filters
 * reasons after paging), so only an absent cursor or reaching the mark ends the walk.
 */
final class BlueskyPaging {
  /** Pages per cycle at most; far above a normal gap, it bounds a runaway walk. */
  static final int MAX_PAGES = 100;
  private static final Logger LOG = LoggerFactory.getLogger(BlueskyPaging.class);

  /** The new items oldest first, and the mark to store once they were handed on. */
  record Read(List<Item> items, HighWater mark) {}

  private BlueskyPaging() {}

  static Future<Read> read(Function<Optional<String>, Future<Listing>> fetch, Optional<HighWater> stored, Instant since) {
    HighWater start = stored.orElse(new HighWater(since, java.util.Set.of()));
    return walk(fetch, start, Optional.empty(), new ArrayList<>(), start, 0);
  }

  private static Future<Read> walk(Function<Optional<String>, Future<Listing>> fetch, HighWater stop,
      Optional<String> cursor, List<Item> newestFirst, HighWater mark, int pages) {
    return fetch.apply(cursor).compose(page -> {
      HighWater next = mark;
      boolean reached = false;
      for (Item item : page.items()) {
        if (item.indexedAt().isBefore(stop.at())) {
          reached = true;
          break;
        }
        if (!stop.covers(item.indexedAt(), item.post().id())) {
          newestFirst.add(item);
          next = next.plus(item.indexedAt(), item.post().id());
        }
      }
      if (reached || page.cursor().isEmpty()) {
        return Future.succeededFuture(done(newestFirst, next));
      }
      if (pages + 1 >= MAX_PAGES) {
        LOG.warn("bluesky paging stopped after {} pages before reaching {}: older posts of this gap are skipped",
            MAX_PAGES, stop.at());
        return Future.succeededFuture(done(newestFirst, next));
      }
      return walk(fetch, stop, page.cursor(), newestFirst, next, pages + 1);
    });
  }

  private static Read done(List<Item> newestFirst, HighWater mark) {
    List<Item> oldestFirst = new ArrayList<>(newestFirst);
    Collections.reverse(oldestFirst);
    return new Read(oldestFirst, mark);
  }
}
