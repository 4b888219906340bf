package io.replywatch.simulator.bluesky;

import io.replywatch.simulator.PostStream;
import io.replywatch.simulator.SimPost;
import io.replywatch.simulator.bluesky.BlueskyLists.Entry;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code listNotifications} pages exactly as {@link BlueskySimulator} serves them (its views, its paging and
 * cursors), built in memory: the benchmark's input for Bluesky, so that it measures parsing and ingest on the real
 * wire format without a network in the way.
 */
public final class BlueskyPageStream {

  /** The brand account the notifications are addressed to. */
  public static final String BRAND_DID = "did:plc:acme";

  private BlueskyPageStream() {}

  /**
   * {@code pages} bodies of {@code perPage} mention notifications each, newest page first as the poller walks them
   * by cursor; the posts of {@link PostStream}.
   */
  public static List<String> notificationPages(int pages, int perPage, Instant start) {
    List<SimPost> posts = PostStream.posts(pages * perPage, start, ".bsky.social");
    List<Entry> entries =
        new BlueskyViews(posts, List.of(), Instant.MAX, BRAND_DID, "acme.bsky.social", p -> false)
            .notifications();
    List<String> out = new ArrayList<>(pages);
    String cursor = null;
    do {
      JsonObject body = BlueskyLists.page(entries, cursor, perPage, e -> true, "notifications");
      out.add(body.encode());
      cursor = body.getString("cursor");
    } while (cursor != null);
    return out;
  }
}
