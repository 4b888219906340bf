package io.replywatch.ingest.bluesky;

import io.replywatch.ingest.bluesky.BlueskyParser.Item;
import io.replywatch.ingest.bluesky.BlueskyParser.Listing;
import io.replywatch.ingest.bluesky.BlueskyParser.Position;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Walks a newest-first, cursor-only Bluesky list back to a {@link HighWater} mark (or, on a first start, to the
 * start of the backfill window). Pages may be short or empty while a cursor is present (the AppView filters after
 * paging), so only an absent cursor, an entry below the mark, or the walk's page limit ends it. Where a walk stops
 * short of its mark, the cursor it would go on with is the start of an unread {@link Gap}.
 */
final class BlueskyPaging {
  /** Requests per list and cycle at most (new posts and backlog together): it bounds what one cycle spends. */
  static final int MAX_PAGES = 100;

  /**
   * One walk: the new items newest first; the mark raised by every entry above the stop mark, item or not; the
   * cursor to go on from when the walk stopped above its mark (empty once it reached the mark or the list's end);
   * and the requests it made.
   */
  record Walk(List<Item> newestFirst, HighWater mark, Optional<String> next, int pages) {}

  private BlueskyPaging() {}

  /**
   * Newest first from {@code from} (empty: the newest entry) down to {@code stop}, with at most {@code maxPages}
   * requests, each only when {@code mayAsk}.
   */
  static Future<Walk> walk(Function<Optional<String>, Future<Listing>> fetch, HighWater stop, Optional<String> from,
      int maxPages, BooleanSupplier mayAsk) {
    return walk(fetch, stop, from, maxPages, mayAsk, new Walk(new ArrayList<>(), stop, from, 0));
  }

  private static Future<Walk> walk(Function<Optional<String>, Future<Listing>> fetch, HighWater stop,
      Optional<String> cursor, int maxPages, BooleanSupplier mayAsk, Walk sofar) {
    if (sofar.pages() >= maxPages || !mayAsk.getAsBoolean()) {
      return Future.succeededFuture(sofar);
    }
    return fetch.apply(cursor).compose(page -> {
      HighWater mark = sofar.mark();
      Set<String> fresh = new HashSet<>();
      boolean reached = false;
      for (Position p : page.positions()) {
        if (p.indexedAt().isBefore(stop.at())) {
          reached = true;
          break;
        }
        if (!stop.covers(p.indexedAt(), p.uri())) {
          fresh.add(p.uri());
          mark = mark.plus(p.indexedAt(), p.uri());
        }
      }
      List<Item> newestFirst = sofar.newestFirst();
      page.items().stream().filter(i -> fresh.contains(i.post().id())).forEach(newestFirst::add);
      Optional<String> next = reached ? Optional.empty() : page.cursor();
      Walk w = new Walk(newestFirst, mark, next, sofar.pages() + 1);
      return next.isEmpty() ? Future.succeededFuture(w) : walk(fetch, stop, next, maxPages, mayAsk, w);
    });
  }
}
