package io.replywatch.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code episodes.messages} column: the episode's messages as {@code id@epochMillis}, comma-separated, opening
 * first. Ids are split at the last {@code @} (the time has none), so an id holding one still reads.
 */
final class MessageKeys {
  private MessageKeys() {}

  record Key(String id, Instant at) {}

  static List<Key> parse(String column) {
    List<Key> keys = new ArrayList<>();
    for (String key : column.split(",")) {
      int at = key.lastIndexOf('@');
      keys.add(new Key(key.substring(0, at), Instant.ofEpochMilli(Long.parseLong(key.substring(at + 1)))));
    }
    return keys;
  }
}
