package io.replywatch.simulator.reddit;

import io.replywatch.simulator.PostStream;
import io.replywatch.simulator.SimPost;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Search Listing pages exactly as {@link RedditSimulator} serves {@code /search} (posts, {@code t3}, paged by its
 * own {@link RedditPages}), built in memory: the benchmark's input for Reddit, so that it measures parsing and
 * ingest on the real wire format without a network in the way.
 */
public final class RedditPageStream {

  private RedditPageStream() {}

  /**
   * {@code pages} bodies of {@code perPage} posts each, newest page first as the poller walks them by
   * {@code after}; the posts of {@link PostStream}.
   */
  public static List<String> searchPages(int pages, int perPage, Instant start) {
    List<SimPost> oldestFirst = PostStream.posts(pages * perPage, start, "");
    List<String> out = new ArrayList<>(pages);
    String after = null;
    do {
      RedditPages.Page page = RedditPages.page(oldestFirst, p -> RedditJson.b36(p.id()), null, after, perPage);
      List<JsonObject> things = new ArrayList<>();
      page.newestFirst().forEach(p -> things.add(RedditJson.post(p)));
      out.add(RedditJson.listing(things, fullname(page.before()), fullname(page.after())).encode());
      after = page.after();
    } while (after != null);
    return out;
  }

  private static String fullname(String b36) {
    return b36 == null ? null : "t3_" + b36;
  }
}
