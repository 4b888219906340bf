package io.replywatch.simulator.x;

import io.replywatch.simulator.SimPost;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders simulator posts as X API v2 tweets with the {@code includes.users} expansion (social-apis.md §1.2). */
final class XJson {
  static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  private XJson() {}

  /**
   * One page, newest first. X's empty page has no {@code data} and no ids; text is HTML-escaped as X sends it.
   *
   * @param parents id → post, for {@code in_reply_to_user_id} and {@code conversation_id}
   * @param histories id → {@code edit_history_tweet_ids} of an edited tweet (original first); others list only
   *     their own id
   * @param expandReplied whether the caller asked for {@code expansions=referenced_tweets.id}: then the tweets
   *     replied to are in {@code includes.tweets}
   */
  static JsonObject page(List<SimPost> newestFirst, String nextToken, Map<String, SimPost> parents,
      Map<String, String> conversations, String brandHandle, java.util.Set<String> searchOnly,
      Map<String, List<String>> histories, boolean expandReplied) {
    JsonObject meta = new JsonObject().put("result_count", newestFirst.size());
    if (newestFirst.isEmpty()) {
      return new JsonObject().put("meta", meta);
    }
    JsonArray data = new JsonArray();
    Map<String, JsonObject> users = new LinkedHashMap<>();
    Map<String, JsonObject> replied = new LinkedHashMap<>();
    for (SimPost p : newestFirst) {
      data.add(tweet(p, parents, conversations.get(p.id()), brandHandle, searchOnly.contains(p.id()))
          .put("edit_history_tweet_ids", history(p.id(), histories)));
      SimPost parent = p.inReplyTo().map(parents::get).orElse(null);
      if (expandReplied && parent != null) {
        replied.putIfAbsent(parent.id(), new JsonObject().put("id", parent.id())
            .put("edit_history_tweet_ids", history(parent.id(), histories)).put("text", escape(parent.text()))
            .put("author_id", parent.authorId()).put("created_at", CREATED_AT.format(parent.createdAt())));
      }
      users.putIfAbsent(p.authorId(), new JsonObject().put("id", p.authorId())
          .put("name", p.authorHandle()).put("username", p.authorHandle()));
    }
    meta.put("newest_id", newestFirst.get(0).id()).put("oldest_id", newestFirst.get(newestFirst.size() - 1).id());
    if (nextToken != null) {
      meta.put("next_token", nextToken);
    }
    JsonObject includes = new JsonObject().put("users", new JsonArray(List.copyOf(users.values())));
    if (!replied.isEmpty()) {
      includes.put("tweets", new JsonArray(List.copyOf(replied.values())));
    }
    return new JsonObject().put("data", data).put("includes", includes).put("meta", meta);
  }

  private static JsonArray history(String id, Map<String, List<String>> histories) {
    return new JsonArray(List.copyOf(histories.getOrDefault(id, List.of(id))));
  }

  private static JsonObject tweet(SimPost p, Map<String, SimPost> parents, String conversation, String brandHandle,
      boolean searchOnly) {
    SimPost parent = p.inReplyTo().map(parents::get).orElse(null);
    String prefix = p.brand() ? (parent == null ? "" : "@" + parent.authorHandle() + " ")
        : searchOnly ? "" : "@" + brandHandle + " ";
    JsonObject t = new JsonObject()
        .put("id", p.id())
        .put("text", escape(prefix + p.text()))
        .put("created_at", CREATED_AT.format(p.createdAt()))
        .put("author_id", p.authorId())
        .put("conversation_id", conversation)
        .put("lang", p.language() == null ? "und" : p.language())
        .put("public_metrics", new JsonObject().put("retweet_count", 0).put("reply_count", 0).put("like_count", 0)
            .put("quote_count", 0));
    if (parent != null) {
      t.put("in_reply_to_user_id", parent.authorId())
          .put("referenced_tweets", new JsonArray().add(new JsonObject().put("type", "replied_to").put("id", parent.id())));
    }
    return t;
  }

  /** X escapes exactly these three in tweet text. */
  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * {@code GET /2/tweets?ids=} without fields: {@code data[]} for the tweets shown ({@code id}, {@code text},
   * {@code edit_history_tweet_ids}, X's default fields), an {@code errors[]} entry for each of the others, in the
   * order asked; {@code data} is left out when empty, as X does.
   */
  static JsonObject lookup(List<String> ids, Map<String, SimPost> byId, java.util.function.Predicate<String> gone,
      java.util.function.Predicate<String> hidden) {
    JsonArray data = new JsonArray();
    JsonArray errors = new JsonArray();
    for (String id : ids) {
      SimPost p = byId.get(id);
      if (p == null || gone.test(id)) {
        errors.add(lookupError(id, "Not Found Error", "Could not find tweet with ids: [" + id + "].",
            "resource-not-found"));
      } else if (hidden.test(id)) {
        errors.add(lookupError(id, "Authorization Error",
            "Sorry, you are not authorized to see the Tweet with ids: [" + id + "].", "not-authorized-for-resource"));
      } else {
        data.add(new JsonObject().put("id", id).put("text", escape(p.text()))
            .put("edit_history_tweet_ids", new JsonArray().add(id)));
      }
    }
    JsonObject body = new JsonObject();
    if (!data.isEmpty()) {
      body.put("data", data);
    }
    return errors.isEmpty() ? body : body.put("errors", errors);
  }

  private static JsonObject lookupError(String id, String title, String detail, String problem) {
    return new JsonObject().put("value", id).put("detail", detail).put("title", title).put("resource_type", "tweet")
        .put("parameter", "ids").put("resource_id", id).put("type", "https://api.twitter.com/2/problems/" + problem);
  }

  static JsonObject problem(String title, String detail, String type, int status) {
    return new JsonObject().put("title", title).put("detail", detail).put("type", type).put("status", status);
  }
}
