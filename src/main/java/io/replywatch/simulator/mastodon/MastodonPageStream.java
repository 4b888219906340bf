package io.replywatch.simulator.mastodon;

import io.replywatch.simulator.PostStream;
import io.replywatch.simulator.SimPost;
import io.vertx.core.json.JsonArray;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Notification pages exactly as the simulator serves them, built in memory: the benchmark's input, so that it
 * measures parsing and ingest on the real wire format without a network in the way.
 */
public final class MastodonPageStream {

  /** The brand account the notifications are addressed to. */
  public static final String BRAND_ID = "42";

  private MastodonPageStream() {}

  /** {@code pages} bodies of {@code perPage} mention notifications each, newest first, with varied text. */
  public static List<String> notificationPages(int pages, int perPage, Instant start) {
    List<SimPost> posts = PostStream.posts(pages * perPage, start, "@example.social");
    List<String> out = new ArrayList<>(pages);
    for (int page = 0; page < pages; page++) {
      JsonArray body = new JsonArray();
      for (int i = perPage - 1; i >= 0; i--) {
        body.add(MastodonJson.notification(posts.get(page * perPage + i), BRAND_ID));
      }
      out.add(body.encode());
    }
    return out;
  }
}
