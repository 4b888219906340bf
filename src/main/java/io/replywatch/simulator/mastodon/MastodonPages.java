package io.replywatch.simulator.mastodon;

import io.replywatch.ingest.Ids;
import io.replywatch.simulator.SimPost;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Mastodon's paging rules over an oldest-first list: which page a {@code min_id}/{@code max_id} query gets. */
final class MastodonPages {

  private MastodonPages() {}

  /**
   * {@code min_id}: the oldest {@code limit} posts above it (gapless forward paging); otherwise the newest
   * {@code limit} posts below {@code max_id} and above {@code since_id}. Always returned newest first.
   */
  static List<SimPost> page(List<SimPost> oldestFirst, MultiMap params, int defaultLimit, int maxLimit) {
    int limit = defaultLimit;
    try {
      if (params.get("limit") != null) {
        limit = Math.max(1, Math.min(maxLimit, Integer.parseInt(params.get("limit"))));
      }
    } catch (NumberFormatException ignored) {
      limit = defaultLimit;
    }
    String minId = params.get("min_id");
    String maxId = params.get("max_id");
    String sinceId = params.get("since_id");
    List<SimPost> range = oldestFirst.stream()
        .filter(p -> minId == null || Ids.ORDER.compare(p.id(), minId) > 0)
        .filter(p -> sinceId == null || Ids.ORDER.compare(p.id(), sinceId) > 0)
        .filter(p -> maxId == null || Ids.ORDER.compare(p.id(), maxId) < 0)
        .toList();
    List<SimPost> chosen = minId != null
        ? range.subList(0, Math.min(limit, range.size()))
        : range.subList(Math.max(0, range.size() - limit), range.size());
    List<SimPost> newestFirst = new ArrayList<>(chosen);
    java.util.Collections.reverse(newestFirst);
    return newestFirst;
  }

  /** The parameters a Link header carries through (notifications_controller): limit and types. */
  static String carriedQuery(MultiMap params) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : params.entries()) {
      if (e.getKey().equals("limit")) {
        sb.append("&limit=").append(e.getValue());
      } else if (e.getKey().equals("types[]")) {
        sb.append("&types%5B%5D=").append(e.getValue());
      }
    }
    return sb.toString();
  }
}
