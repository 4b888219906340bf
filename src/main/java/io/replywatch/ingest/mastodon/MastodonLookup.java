package io.replywatch.ingest.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import io.replywatch.ingest.Presence;
import io.replywatch.ingest.WireJson;

/**
 * Reads Mastodon's answer to {@code GET /api/v1/statuses/:id}, one status per request (the batch form
 * {@code GET /api/v1/statuses?id[]=} only exists since 4.3 and silently leaves out what it cannot show).
 * Confirmed in mastodon/documentation {@code content/en/methods/statuses.md}: 200 is the Status; 404 with
 * {@code {"error":"Record not found"}} is "Status does not exist or is private" (a status the brand's account cannot
 * see is as unanswerable as a deleted one; a mention stays visible to the account it mentions). Anything else,
 * including a 404 page that is not that body (a proxy, a wrong base URL), is no answer.
 */
final class MastodonLookup {
  private static final String PLATFORM = "Mastodon";

  private MastodonLookup() {}

  /** A 200: the status, which must be the one asked for. */
  static Presence found(String id, String body) {
    JsonNode status = WireJson.read(PLATFORM, body);
    if (!status.isObject() || !id.equals(WireJson.text(status, "id").orElse(null))) {
      throw WireJson.malformed(PLATFORM, "expected the status " + id);
    }
    return Presence.THERE;
  }

  /** A 404: gone only with Mastodon's own not-found body. */
  static Presence notFound(String body) {
    JsonNode n = WireJson.readOrNull(body);
    if (n == null || !n.isObject() || !"Record not found".equals(WireJson.text(n, "error").orElse(null))) {
      throw WireJson.malformed(PLATFORM, "a 404 without Mastodon's not-found body");
    }
    return Presence.GONE;
  }
}
