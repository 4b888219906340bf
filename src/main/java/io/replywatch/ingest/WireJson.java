package io.replywatch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The tolerant JSON reading every platform parser needs: a body that is not JSON, a missing id or an unreadable
 * timestamp becomes one MALFORMED {@link PollException} naming the platform; optional fields that are absent, null
 * or empty all read as empty. A malformed page fails the cycle, which is retried; a malformed item inside a
 * well-formed page is set aside by {@link #item} instead (see {@link Rejected}).
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
    return new Malformed(platform, what);
  }

  /**
   * Reads one item of a page with {@code read}. An item it cannot read, malformed or tripping our reading in any
   * other way, is added to {@code rejected} with what {@code id} finds of its id, and the result is empty: one bad
   * item must not fail the page, since the platform would send it again on every retry.
   */
  public static <T> Optional<T> item(JsonNode item, Function<JsonNode, T> read,
      Function<JsonNode, Optional<String>> id, List<Rejected> rejected) {
    try {
      return Optional.of(read.apply(item));
    } catch (RuntimeException e) {
      String reason = e instanceof Malformed m ? m.what
          : "unreadable (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
      rejected.add(Rejected.of(item, idOf(item, id), reason));
      return Optional.empty();
    }
  }

  /** The id of an item being set aside; reading it may fail too, on a sufficiently odd item. */
  private static Optional<String> idOf(JsonNode item, Function<JsonNode, Optional<String>> id) {
    try {
      return id.apply(item);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A MALFORMED failure that keeps what was wrong apart from the message, for an item set aside. */
  private static final class Malformed extends PollException {
    private final String what;

    Malformed(String platform, String what) {
      super(Kind.MALFORMED, "malformed " + platform + " page: " + what, Optional.empty());
      this.what = what;
    }
  }
}
