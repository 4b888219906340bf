package io.replywatch.ingest;

import io.replywatch.config.Platform;
import java.time.Instant;

/**
 * Where items set aside by the pollers are kept ({@link Rejected}): never lost, each once however often the
 * platform sends it again, for an operator to look at.
 */
public interface RejectedStore {

  /**
   * Keeps {@code item}, found by {@code account}'s poller on {@code endpoint}; returns false when the same item
   * (same platform, account and {@link Rejected#key()}) was kept before, which only moves its last sighting.
   */
  boolean keep(Platform platform, String account, String endpoint, Rejected item, Instant seenAt);
}
