package io.replywatch.simulator.bluesky;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Bluesky's list paging over rendered entries: newest first by index time, an opaque cursor that walks to older
 * entries only, a filter applied after the page was cut (as the AppView does with {@code reasons}), so a page may
 * be short or empty while the cursor is still present.
 */
final class BlueskyLists {

  /** One rendered entry and the key it is ordered by. */
  record Entry(Instant indexedAt, String uri, JsonObject json) {}

  private static final Comparator<Entry> NEWEST_FIRST =
      Comparator.comparing(Entry::indexedAt).thenComparing(Entry::uri).reversed();

  private BlueskyLists() {}

  /**
   * The page after {@code cursor} (null: the newest), at most {@code limit} entries before filtering; puts the
   * items under {@code field} and a cursor when older entries remain.
   */
  static JsonObject page(List<Entry> entries, String cursor, int limit, Predicate<Entry> keep, String field) {
    List<Entry> sorted = newestFirst(entries);
    int from = 0;
    if (cursor != null) {
      Entry after = decode(cursor);
      while (from < sorted.size() && NEWEST_FIRST.compare(sorted.get(from), after) <= 0) {
        from++;
      }
    }
    int to = Math.min(sorted.size(), from + limit);
    JsonArray items = new JsonArray();
    sorted.subList(from, to).stream().filter(keep).forEach(e -> items.add(e.json()));
    JsonObject body = new JsonObject().put(field, items);
    if (to < sorted.size()) {
      Entry last = sorted.get(to - 1);
      body.put("cursor", last.indexedAt().toEpochMilli() + "::" + last.uri());
    }
    return body;
  }

  /** The entries in the list's order (cheap when they are in it already, as cached views are). */
  static List<Entry> newestFirst(List<Entry> entries) {
    return entries.stream().sorted(NEWEST_FIRST).toList();
  }

  /** A cursor the simulator itself wrote; anything else is a bad request. */
  static Entry decode(String cursor) {
    int sep = cursor.indexOf("::");
    if (sep < 0) {
      throw new IllegalArgumentException("Malformed cursor");
    }
    return new Entry(Instant.ofEpochMilli(Long.parseLong(cursor.substring(0, sep))), cursor.substring(sep + 2), null);
  }

  static int limit(String raw, int defaultLimit) {
    if (raw == null) {
      return defaultLimit;
    }
    int n = Integer.parseInt(raw);
    if (n < 1 || n > 100) {
      throw new IllegalArgumentException("limit must be 1..100");
    }
    return n;
  }
}
