package io.replywatch.simulator.reddit;

import io.replywatch.simulator.SimPost;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;

/**
 * Renders simulator posts as Reddit things inside a Listing (social-apis.md §4.2): inbox mentions ({@code t1} with
 * {@code context}, no permalink), brand comments ({@code t1} with {@code link_id} and permalink) and posts found by
 * search ({@code t3}). Ids are base-36 of the timeline's, so they keep time order as Reddit's do.
 */
final class RedditJson {
  private RedditJson() {}

  static String b36(String timelineId) {
    return Long.toString(Long.parseLong(timelineId), 36);
  }

  /** The Listing envelope; {@code before}/{@code after} are null when there is nothing on that side. */
  static JsonObject listing(List<JsonObject> things, String before, String after) {
    JsonArray children = new JsonArray();
    things.forEach(children::add);
    return new JsonObject().put("kind", "Listing").put("data", new JsonObject()
        .put("after", after).put("dist", things.size()).put("modhash", null).put("geo_filter", "")
        .put("children", children).put("before", before));
  }

  static JsonObject mention(SimPost p, String parentFullname, String link, String brandHandle) {
    String id = b36(p.id());
    return wrap("t1", data("t1", p, id)
        .put("type", "username_mention").put("subject", "username mention").put("was_comment", true)
        .put("dest", brandHandle).put("body", "u/" + brandHandle + " " + p.text())
        .put("parent_id", parentFullname)
        .put("context", "/r/acme/comments/" + link + "/thread/" + id + "/?context=3")
        .put("link_title", "thread " + link).put("new", true).put("first_message", null));
  }

  static JsonObject comment(SimPost p, String parentFullname, String link) {
    String id = b36(p.id());
    return wrap("t1", data("t1", p, id).put("body", p.text()).put("parent_id", parentFullname).put("link_id", "t3_" + link)
        .put("permalink", "/r/acme/comments/" + link + "/thread/" + id + "/").put("edited", false));
  }

  static JsonObject post(SimPost p) {
    String id = b36(p.id());
    return wrap("t3", data("t3", p, id).put("title", p.text()).put("selftext", "").put("is_self", true)
        .put("permalink", "/r/acme/comments/" + id + "/thread/")
        .put("url", "https://www.reddit.com/r/acme/comments/" + id + "/thread/?ref=search_posts"));
  }

  private static JsonObject wrap(String kind, JsonObject data) {
    return new JsonObject().put("kind", kind).put("data", data);
  }

  private static JsonObject data(String kind, SimPost p, String id) {
    double created = new BigDecimal(p.createdAt().toEpochMilli()).movePointLeft(3).doubleValue();
    return new JsonObject()
        .put("id", id).put("name", kind + "_" + id)
        .put("author", p.authorHandle()).put("author_fullname", "t2_" + p.authorId())
        .put("subreddit", "acme").put("subreddit_name_prefixed", "r/acme")
        .put("created", created).put("created_utc", created)
        .put("score", 1).put("num_comments", 0).put("distinguished", null).put("likes", null).put("replies", "");
  }
}
