package io.replywatch.ingest.x;

import com.fasterxml.jackson.databind.JsonNode;
import io.replywatch.ingest.Presence;
import io.replywatch.ingest.WireJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads X's answer to {@code GET /2/tweets?ids=a,b} (up to 100 ids). Confirmed in public client tests (michimani/gotwi
 * tweet lookup fixtures, the twittered and tweepy users' recorded answers found with the search tool): a tweet that
 * exists is in {@code data[]}; one that does not is an entry of {@code errors[]} like {@code {"value":"1","detail":
 * "Could not find tweet with ids: [1].","title":"Not Found Error","resource_type":"tweet","parameter":"ids",
 * "resource_id":"1","type":"https://api.twitter.com/2/problems/resource-not-found"}}, in a 200, also when no tweet
 * was found (no {@code data} then). A protected or otherwise hidden tweet is an {@code "Authorization Error"} with
 * type {@code .../not-authorized-for-resource}: it exists, so it keeps its episode open. Only resource-not-found
 * counts as gone; any other entry says nothing, and an id the answer does not mention stays unknown. Cost: X's
 * tweet-caps page lists Posts Lookup among the endpoints whose Posts count toward the monthly Post cap, a Post
 * returned again the same day counting once; so each open episode whose tweet exists costs about one Post a day.
 */
final class XLookup {
  /** X's maximum of {@code ids} per request. */
  static final int MAX_IDS = 100;
  private static final String PLATFORM = "X";
  private static final String NOT_FOUND = "/2/problems/resource-not-found";
  private static final String NOT_AUTHORIZED = "/2/problems/not-authorized-for-resource";

  private XLookup() {}

  static Map<String, Presence> tweets(List<String> asked, String body) {
    JsonNode root = WireJson.read(PLATFORM, body);
    JsonNode data = root.path("data");
    JsonNode errors = root.path("errors");
    if (!root.isObject() || !(data.isArray() || errors.isArray())) {
      throw WireJson.malformed(PLATFORM, "tweet lookup without data or errors");
    }
    Map<String, Presence> out = new HashMap<>();
    for (JsonNode e : errors) {
      String id = WireJson.text(e, "resource_id").or(() -> WireJson.text(e, "value")).orElse(null);
      Presence p = presence(e);
      if (id != null && asked.contains(id) && p != Presence.UNKNOWN) {
        out.put(id, p);
      }
    }
    for (JsonNode t : data) {
      WireJson.text(t, "id").filter(asked::contains).ifPresent(id -> out.put(id, Presence.THERE));
    }
    return out;
  }

  /** A resource-not-found about a tweet is gone; a not-authorized one is there but hidden; the rest is unknown. */
  private static Presence presence(JsonNode error) {
    String type = WireJson.text(error, "type").orElse("");
    boolean tweet = WireJson.text(error, "resource_type").map("tweet"::equals).orElse(true);
    if (!tweet || !(type.startsWith("https://api.twitter.com/") || type.startsWith("https://api.x.com/"))) {
      return Presence.UNKNOWN;
    }
    if (type.endsWith(NOT_FOUND)) {
      return Presence.GONE;
    }
    return type.endsWith(NOT_AUTHORIZED) ? Presence.THERE : Presence.UNKNOWN;
  }
}
