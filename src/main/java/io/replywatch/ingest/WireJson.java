package io.replywatch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The tolerant JSON reading every platform parser needs: a body that is not JSON, a missing id or an unreadable
 * timestamp becomes one MALFORMED {@link PollException} naming the platform, so the poller counts it and retries;
 * optional fields that are absent, null or empty all read as empty.
 */
public final class WireJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WireJson() {}

  /** Parses a body; HTML pages and truncated JSON are MALFORMED. */
  public static JsonNode read(String platform, String body) {
    try {
      JsonNode root = JSON.readTree(body == null ? "" : body);
      if (root == null || root.isMissingNode()) {
        throw malformed(platform, "empty body");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw malformed(platform, "not JSON (" + e.getOriginalMessage() + ")");
    }
  }

  /** Parses an error body, or returns null when it is not JSON (an HTML error page). */
  public static JsonNode readOrNull(String body) {
    try {
      return JSON.readTree(body == null ? "" : body);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** A scalar field as text; absent, null, empty or structured is empty. */
  public static Optional<String> text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || !v.isValueNode() || v.asText().isEmpty() ? Optional.empty() : Optional.of(v.asText());
  }

  public static String require(String platform, JsonNode n, String field) {
    return text(n, field).orElseThrow(() -> malformed(platform, "missing field '" + field + "'"));
  }

  /** An ISO-8601 UTC instant as the platform wrote it, e.g. {@code 2020-12-17T20:21:21.000Z}. */
  public static Instant instant(String platform, String s) {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw malformed(platform, "bad timestamp '" + (s.length() > 40 ? s.substring(0, 40) : s) + "'");
    }
  }

  public static PollException malformed(String platform, String what) {
    return new PollException(PollException.Kind.MALFORMED, "malformed " + platform + " page: " + what, Optional.empty());
  }
}
