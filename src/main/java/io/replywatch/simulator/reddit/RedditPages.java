package io.replywatch.simulator.reddit;

import io.replywatch.ingest.Ids;
import io.replywatch.simulator.SimPost;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Reddit's listing paging over an oldest-first list (social-apis.md §4.3): {@code before} gives the items just
 * newer than the anchor, {@code after} those just older, neither the newest; {@code limit} 25 by default, 100 at
 * most. The answer names its neighbours, or null where there is nothing more. An anchor that is gone (deleted,
 * removed) gives an empty listing, as on Reddit.
 */
final class RedditPages {

  /** A page newest first, with the base-36 ids of its neighbours (null when none). */
  record Page(List<SimPost> newestFirst, String before, String after) {}

  private RedditPages() {}

  static int limit(String param) {
    try {
      return param == null ? 25 : Math.max(1, Math.min(100, Integer.parseInt(param)));
    } catch (NumberFormatException e) {
      return 25;
    }
  }

  static Page page(List<SimPost> oldestFirst, Function<SimPost, String> idOf, String before, String after, int limit) {
    String anchor = before != null ? before : after;
    if (anchor != null && oldestFirst.stream().noneMatch(p -> idOf.apply(p).equals(anchor))) {
      return new Page(List.of(), null, null); // a deleted anchor: Reddit answers an empty listing
    }
    int from = 0;
    int to = oldestFirst.size();
    if (before != null) {
      from = (int) oldestFirst.stream().filter(p -> Ids.ORDER.compare(idOf.apply(p), before) <= 0).count();
      to = Math.min(to, from + limit);
    } else {
      if (after != null) {
        to = (int) oldestFirst.stream().filter(p -> Ids.ORDER.compare(idOf.apply(p), after) < 0).count();
      }
      from = Math.max(0, to - limit);
    }
    List<SimPost> page = new ArrayList<>(oldestFirst.subList(from, to));
    Collections.reverse(page);
    String newer = to < oldestFirst.size() && !page.isEmpty() ? idOf.apply(page.get(0)) : null;
    String older = from > 0 && !page.isEmpty() ? idOf.apply(page.get(page.size() - 1)) : null;
    return new Page(page, newer, older);
  }
}
