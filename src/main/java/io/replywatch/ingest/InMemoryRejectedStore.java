package io.replywatch.ingest;

import io.replywatch.config.Platform;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Set-aside items kept for the life of the process (tests); the service keeps them in the store's table. */
public final class InMemoryRejectedStore implements RejectedStore {
  private final Map<String, Kept> items = new ConcurrentHashMap<>();
  private final Set<String> recovered = ConcurrentHashMap.newKeySet();

  @Override
  public boolean keep(Platform platform, String account, String endpoint, Rejected item, Instant seenAt) {
    Kept kept = new Kept(item.key(), endpoint, item.raw(), item.rawLength());
    return items.putIfAbsent(id(platform, account, item.key()), kept) == null;
  }

  @Override
  public void eachWaiting(Platform platform, String account, Consumer<Kept> each) {
    String prefix = id(platform, account, "");
    items.forEach((id, kept) -> {
      if (id.startsWith(prefix) && !recovered.contains(id)) {
        each.accept(kept);
      }
    });
  }

  @Override
  public void recovered(Platform platform, String account, String key, Instant at) {
    recovered.add(id(platform, account, key));
  }

  public int size() {
    return items.size();
  }

  private static String id(Platform platform, String account, String key) {
    return platform.id() + "\u0000" + account + "\u0000" + key;
  }
}
