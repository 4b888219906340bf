package io.replywatch.ingest;

import io.replywatch.config.Platform;
import java.util.Optional;

/**
 * Durable high-water marks per (platform, account, endpoint). A poller pages back until it reaches the stored
 * cursor, then saves the newest id it handed on; so a restart neither misses nor repeats a post.
 */
public interface CursorStore {

  Optional<String> get(Platform platform, String account, String endpoint);

  void put(Platform platform, String account, String endpoint, String cursor);
}
