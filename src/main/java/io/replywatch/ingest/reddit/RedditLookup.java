package io.replywatch.ingest.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import io.replywatch.ingest.Presence;
import io.replywatch.ingest.WireJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Reddit's answer to {@code GET /api/info?id=t1_x,t3_y} (up to 100 fullnames, social-apis.md §4.1): a
 * Listing of the things found. A comment its author deleted keeps its place with {@code "author":"[deleted]"} and
 * {@code "body":"[deleted]"}; a submission {@code "selftext":"[deleted]"} (Pyprohly/reddit-api-doc-notes, comment
 * schema: author is {@code [deleted]} "if the post was removed by the author"; public clients test the same
 * pair). A moderator's removal shows {@code [removed]}: the customer did not withdraw it, so it stays open. A link
 * submission deleted by its author has no text to say so and stays open too (unverified beyond the author field).
 * A fullname missing from the listing says nothing.
 */
final class RedditLookup {
  /** Fullnames per request: Reddit's listing maximum. */
  static final int MAX_IDS = 100;
  private static final String PLATFORM = "Reddit";
  private static final String DELETED = "[deleted]";

  private RedditLookup() {}

  static Map<String, Presence> things(List<String> asked, String body) {
    JsonNode root = WireJson.read(PLATFORM, body);
    JsonNode children = root.path("data").path("children");
    if (!"Listing".equals(root.path("kind").asText()) || !children.isArray()) {
      throw WireJson.malformed(PLATFORM, "api/info without a Listing");
    }
    Map<String, Presence> out = new HashMap<>();
    for (JsonNode child : children) {
      JsonNode data = child.path("data");
      String name = WireJson.text(data, "name").orElse(null);
      if (name != null && asked.contains(name)) {
        out.put(name, presence(child.path("kind").asText(), data));
      }
    }
    return out;
  }

  private static Presence presence(String kind, JsonNode data) {
    String text = switch (kind) {
      case "t1" -> "body";
      case "t3" -> "selftext";
      default -> null;
    };
    if (text == null) {
      return Presence.UNKNOWN;
    }
    boolean byAuthor = DELETED.equals(data.path("author").asText()) && DELETED.equals(data.path(text).asText());
    return byAuthor ? Presence.GONE : Presence.THERE;
  }
}
