package io.replywatch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.replywatch.text.Text;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One item of a well-formed page that we cannot read: a status with an unreadable {@code created_at}, a tweet
 * without an id. The platform sends such an item again on every request, so failing the page for it failed every
 * cycle for ever and left the source blind; instead the item is set aside (kept in the store, counted, logged)
 * and the rest of its page goes on. A malformed page (not JSON, no list where the list belongs) still fails the
 * cycle: that may be a passing fault, and a retry makes sense.
 *
 * @param key what recognises the item when a later page shows it again: its id, else a digest of its whole JSON
 * @param id the item's own id where it has a readable one (for a Mastodon notification, the notification's)
 * @param reason what is wrong with it, on one line, e.g. {@code missing field 'created_at'}
 * @param raw the item's JSON as the platform sent it (re-serialised compactly), cut at {@link #MAX_RAW} characters
 * @param rawLength the length of the whole JSON, so a cut one says so
 */
public record Rejected(String key, Optional<String> id, String reason, String raw, int rawLength) {
  /** Enough for any real item (a long Reddit comment is about 10,000), small enough that a flood stays bounded. */
  public static final int MAX_RAW = 16_384;
  private static final int MAX_REASON = 300;

  /** An item set aside for {@code reason}; {@code id} is its own id, if it had a readable one. */
  public static Rejected of(JsonNode item, Optional<String> id, String reason) {
    String raw = item.toString();
    // An id or reason comes from the platform: one line, so it cannot split or forge a log line.
    Optional<String> cleanId = id.map(i -> Text.line(i, 200));
    String key = cleanId.orElseGet(() -> "sha256:" + sha256(raw));
    return new Rejected(key, cleanId, Text.line(reason, MAX_REASON), cut(raw), raw.length());
  }

  /** The first {@link #MAX_RAW} characters, not splitting a surrogate pair; no ellipsis: it is data, not prose. */
  private static String cut(String raw) {
    if (raw.length() <= MAX_RAW) {
      return raw;
    }
    return raw.substring(0, Character.isHighSurrogate(raw.charAt(MAX_RAW - 1)) ? MAX_RAW - 1 : MAX_RAW);
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
