package io.replywatch.ingest;

import io.replywatch.config.Platform;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Set-aside items kept for the life of the process (tests); the service keeps them in the store's table. */
public final class InMemoryRejectedStore implements RejectedStore {
  private final Map<String, Rejected> items = new ConcurrentHashMap<>();

  @Override
  public boolean keep(Platform platform, String account, String endpoint, Rejected item, Instant seenAt) {
    return items.putIfAbsent(platform.id() + "\u0000" + account + "\u0000" + item.key(), item) == null;
  }

  public int size() {
    return items.size();
  }
}
