package io.replywatch.ingest;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The two ways a poller reads a newest-first, id-cursored list (Mastodon, X): forward from a stored cursor until
 * it is caught up (gapless), or, on a first start, backward from the newest until the backfill window is covered.
 */
public final class Paging {
  /** A bound on pages per cycle, so one cycle never spends the whole rate-limit budget. */
  public static final int MAX_PAGES = 25;

  /**
   * What one cycle read: items oldest first, the cursor to store once they were handed on, and whether the read
   * stopped at {@link #MAX_PAGES} with more to read (forward: the rest comes next cycle, late; backfill: the older
   * part of the window is never read).
   */
  public record Fetched<T>(List<T> items, String cursor, boolean capped) {
    public Fetched(List<T> items, String cursor) {
      this(items, cursor, false);
    }
  }

  /**
   * One page as its parser read it: the items it could read, newest first, those it set aside, and how many
   * entries the page had on the wire. Paging moves by the ids of the items read, so an item set aside is passed by
   * its neighbours' ids; and it compares {@code entries} with the limit, so a page with an item set aside is not
   * taken for the last, short one.
   */
  public record Page<T>(List<T> items, List<Rejected> rejected, int entries) {}

  /** One page request; the map holds the query parameters. */
  public interface PageFetch<T> {
    Future<Page<T>> fetch(Map<String, String> query);
  }

  private Paging() {}

  /** Follows {@code min_id} forward until a short page: every item after {@code cursor}, none twice. */
  public static <T> Future<Fetched<T>> forward(PageFetch<T> fetch, String cursor, int limit, Function<T, String> idOf) {
    return forward(fetch, cursor, limit, idOf, new ArrayList<>(), 0);
  }

  private static <T> Future<Fetched<T>> forward(PageFetch<T> fetch, String cursor, int limit,
      Function<T, String> idOf, List<T> acc, int pages) {
    return fetch.fetch(Map.of("min_id", cursor, "limit", Integer.toString(limit))).compose(read -> {
      List<T> page = read.items();
      if (page.isEmpty()) {
        // Empty, or every entry set aside without an id to move past: the cursor stays, and the next cycle asks
        // again (finding the same entries, already kept, or newer ones that move it on).
        return Future.succeededFuture(new Fetched<>(acc, cursor));
      }
      List<T> oldestFirst = new ArrayList<>(page);
      java.util.Collections.reverse(oldestFirst);
      acc.addAll(oldestFirst);
      String next = idOf.apply(page.get(0));
      if (read.entries() < limit || pages + 1 >= MAX_PAGES) {
        return Future.succeededFuture(new Fetched<>(acc, next, read.entries() >= limit));
      }
      return forward(fetch, next, limit, idOf, acc, pages + 1);
    });
  }

  /**
   * First start: reads back from the newest item until {@code since}; the cursor becomes the newest id, so the
   * next cycle continues forward from there.
   */
  public static <T> Future<Fetched<T>> backfill(PageFetch<T> fetch, Instant since, int limit,
      Function<T, String> idOf, Function<T, Instant> createdAt) {
    return backfill(fetch, since, limit, idOf, createdAt, null, new ArrayList<>(), null, 0);
  }

  private static <T> Future<Fetched<T>> backfill(PageFetch<T> fetch, Instant since, int limit,
      Function<T, String> idOf, Function<T, Instant> createdAt, String maxId, List<T> newestFirst, String newest,
      int pages) {
    Map<String, String> query = maxId == null
        ? Map.of("limit", Integer.toString(limit))
        : Map.of("limit", Integer.toString(limit), "max_id", maxId);
    return fetch.fetch(query).compose(read -> {
      List<T> page = read.items();
      String top = newest == null && !page.isEmpty() ? idOf.apply(page.get(0)) : newest;
      boolean reachedWindow = false;
      for (T item : page) {
        if (createdAt.apply(item).isBefore(since)) {
          reachedWindow = true;
        } else {
          newestFirst.add(item);
        }
      }
      if (page.isEmpty() || read.entries() < limit || reachedWindow || pages + 1 >= MAX_PAGES) {
        List<T> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        boolean capped = !page.isEmpty() && read.entries() >= limit && !reachedWindow;
        return Future.succeededFuture(new Fetched<>(oldestFirst, top, capped));
      }
      String older = idOf.apply(page.get(page.size() - 1));
      return backfill(fetch, since, limit, idOf, createdAt, older, newestFirst, top, pages + 1);
    });
  }
}
