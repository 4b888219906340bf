package io.replywatch.ingest.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import io.replywatch.ingest.Presence;
import io.replywatch.ingest.WireJson;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the AppView's answer to {@code app.bsky.feed.getPosts?uris=...}. Confirmed in bluesky-social/atproto {@code
 * lexicons/app/bsky/feed/getPosts.json}: {@code uris} is an array of at-uri with maxLength 25, the output {@code
 * {"posts": [postView]}} (posts required); and in the AppView's handler ({@code packages/bsky/src/api/app/
 * bsky/feed/getPosts.ts}, an older version) a URI with no post view in the index is skipped, never an error. So a
 * post that no longer exists is simply left out, which is also what a post the AppView has not indexed, or lost for
 * a while, looks like: that is why a close needs two looks ({@code DeletionStrikes}). A post view whose URI was not
 * asked for means the answer does not speak of our URIs as we wrote them (a handle in place of a DID, say): then
 * nothing in it is read as gone.
 */
final class BlueskyLookup {
  /** The lexicon's maxLength of {@code uris}. */
  static final int MAX_URIS = 25;
  private static final String PLATFORM = "Bluesky";

  private BlueskyLookup() {}

  static Map<String, Presence> posts(List<String> asked, String body) {
    JsonNode posts = WireJson.read(PLATFORM, body).get("posts");
    if (posts == null || !posts.isArray()) {
      throw WireJson.malformed(PLATFORM, "getPosts without a posts array");
    }
    Set<String> shown = new HashSet<>();
    for (JsonNode post : posts) {
      String uri = post.isObject() ? WireJson.text(post, "uri").orElse(null) : null;
      if (uri == null || !asked.contains(uri)) {
        throw WireJson.malformed(PLATFORM, "getPosts answered a post that was not asked for");
      }
      shown.add(uri);
    }
    Map<String, Presence> out = new HashMap<>();
    asked.forEach(uri -> out.put(uri, shown.contains(uri) ? Presence.THERE : Presence.GONE));
    return out;
  }
}
