package io.replywatch.simulator.reddit;

import io.replywatch.simulator.SimPost;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Renders simulator posts as Reddit things inside a Listing (social-apis.md §4.2): inbox mentions and replies
 * ({@code t1} with {@code type} and {@code context}, no permalink), brand comments ({@code t1} with {@code link_id}
 * and permalink) and posts found by search ({@code t3}). Ids are base-36 of the timeline's, so they keep time
 * order as Reddit's do.
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

  /** A username mention; a script's text that does not name {@code u/brand} yet gets it put in front. */
  static JsonObject mention(SimPost p, String parentFullname, String link, String brandHandle) {
    String body = names(p, brandHandle) ? p.text() : "u/" + brandHandle + " " + p.text();
    return inboxItem(p, parentFullname, link, brandHandle, "username_mention", "username mention", body);
  }

  /**
   * A reply to one of the brand's comments ({@code comment_reply}) or to its post ({@code post_reply}): in the
   * inbox with the body as written, naming no one.
   */
  static JsonObject reply(SimPost p, String parentFullname, String link, String brandHandle) {
    boolean toPost = parentFullname.startsWith("t3_");
    return inboxItem(p, parentFullname, link, brandHandle, toPost ? "post_reply" : "comment_reply",
        toPost ? "post reply" : "comment reply", p.text());
  }

  /** Whether the text names {@code u/brand}, which is what makes Reddit file it under username mentions. */
  static boolean names(SimPost p, String brandHandle) {
    return p.text().toLowerCase(Locale.ROOT).contains("u/" + brandHandle.toLowerCase(Locale.ROOT));
  }

  private static JsonObject inboxItem(SimPost p, String parentFullname, String link, String brandHandle, String type,
      String subject, String body) {
    String id = b36(p.id());
    return wrap("t1", data("t1", p, id)
        .put("type", type).put("subject", subject).put("was_comment", true)
        .put("dest", brandHandle).put("body", body)
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
