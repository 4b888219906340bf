package io.replywatch.simulator.x;

import io.replywatch.simulator.PostStream;
import io.replywatch.simulator.SimPost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mentions-timeline pages exactly as {@link XSimulator} serves them ({@link XJson#page}, with {@code includes.users}
 * and a {@code next_token}), built in memory: the benchmark's input for X, so that it measures parsing and ingest
 * on the real wire format without a network in the way.
 */
public final class XPageStream {

  private XPageStream() {}

  /**
   * {@code pages} bodies of {@code perPage} tweets that @-mention the brand, newest page first as the poller walks
   * them by {@code pagination_token}; the posts of {@link PostStream}.
   */
  public static List<String> mentionPages(int pages, int perPage, Instant start) {
    List<SimPost> posts = PostStream.posts(pages * perPage, start, "");
    List<String> out = new ArrayList<>(pages);
    for (int page = pages - 1; page >= 0; page--) {
      List<SimPost> newestFirst = new ArrayList<>(posts.subList(page * perPage, (page + 1) * perPage));
      Collections.reverse(newestFirst);
      String next = page > 0 ? XSimulator.encode(newestFirst.get(perPage - 1).id()) : null;
      Map<String, String> conversations = new HashMap<>();
      newestFirst.forEach(p -> conversations.put(p.id(), p.id())); // none replies: each starts its own
      out.add(XJson.page(newestFirst, next, Map.of(), conversations, "acme", Set.of(), Map.of(), false).encode());
    }
    return out;
  }
}
