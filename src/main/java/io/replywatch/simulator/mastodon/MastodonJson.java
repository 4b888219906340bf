package io.replywatch.simulator.mastodon;

import io.replywatch.simulator.SimPost;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Renders simulator posts as Mastodon entities (social-apis.md §2.2), including the HTML content. */
final class MastodonJson {
  private static final String HOST = "https://social.example";
  static final String BRAND_USERNAME = "acme";

  private MastodonJson() {}

  static JsonObject notification(SimPost p, String brandAccountId) {
    return new JsonObject()
        .put("id", p.id())
        .put("type", "mention")
        .put("created_at", time(p))
        .put("group_key", "ungrouped-" + p.id())
        .put("account", account(p))
        .put("status", status(p).put("mentions", new JsonArray().add(new JsonObject()
            .put("id", brandAccountId).put("username", "acme").put("acct", "acme").put("url", HOST + "/@acme"))));
  }

  static JsonObject status(SimPost p) {
    String url = HOST + "/@" + p.authorHandle() + "/" + p.id();
    return new JsonObject()
        .put("id", p.id())
        .put("created_at", time(p))
        .put("in_reply_to_id", p.inReplyTo().orElse(null))
        .put("in_reply_to_account_id", null)
        .put("sensitive", false)
        .put("spoiler_text", "")
        .put("visibility", "public")
        .put("language", p.language())
        .put("uri", HOST + "/users/" + p.authorHandle() + "/statuses/" + p.id())
        .put("url", url)
        .put("replies_count", 0)
        .put("reblogs_count", 0)
        .put("favourites_count", 0)
        .put("edited_at", null)
        .put("content", html(p))
        .put("account", account(p))
        .put("media_attachments", new JsonArray())
        .put("reblog", null);
  }

  private static JsonObject account(SimPost p) {
    return new JsonObject()
        .put("id", p.authorId())
        .put("username", p.authorHandle().split("@")[0])
        .put("acct", p.authorHandle())
        .put("display_name", "")
        .put("url", HOST + "/@" + p.authorHandle());
  }

  /** Mastodon sends sanitised HTML; mention text is escaped as the server would. */
  private static String html(SimPost p) {
    String escaped = p.text().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&#39;").replace("\n", "<br>");
    String mention = p.brand() ? "" : "<span class=\"h-card\" translate=\"no\"><a href=\"" + HOST
        + "/@acme\" class=\"u-url mention\">@<span>acme</span></a></span> ";
    return "<p>" + mention + escaped + "</p>";
  }

  private static String time(SimPost p) {
    return DateTimeFormatter.ISO_INSTANT.format(p.createdAt().truncatedTo(ChronoUnit.MILLIS));
  }
}
