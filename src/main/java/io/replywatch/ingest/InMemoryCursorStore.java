package io.replywatch.ingest;

import io.replywatch.config.Platform;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Cursors kept for the life of the process; the SQLite store replaces it where restarts must resume. */
public final class InMemoryCursorStore implements CursorStore {
  private final Map<String, String> cursors = new ConcurrentHashMap<>();

  @Override
  public Optional<String> get(Platform platform, String account, String endpoint) {
    return Optional.ofNullable(cursors.get(key(platform, account, endpoint)));
  }

  @Override
  public void put(Platform platform, String account, String endpoint, String cursor) {
    cursors.put(key(platform, account, endpoint), cursor);
  }

  private static String key(Platform platform, String account, String endpoint) {
    return platform.id() + "\u0000" + account + "\u0000" + endpoint;
  }
}
