package io.replywatch.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids a poller handed on lately, bounded: the last line of defence against the same post found twice (by a
 * mention stream and a keyword search, or by two overlapping cycles). Not thread-safe: one verticle owns it.
 */
public final class RecentIds {
  private final Map<String, Boolean> ids;

  public RecentIds(int capacity) {
    this.ids = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  public boolean contains(String id) {
    return ids.containsKey(id);
  }

  public void add(String id) {
    ids.put(id, Boolean.TRUE);
  }
}
