package io.replywatch.ingest;

import io.replywatch.config.Platform;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Where items set aside by the pollers are kept ({@link Rejected}): never lost, each once however often the
 * platform sends it again, for an operator to look at, and for a newer parser to read again when a poller starts.
 */
public interface RejectedStore {

  /**
   * An item kept and not yet read again, as stored.
   *
   * @param key its {@link Rejected#key()}
   * @param endpoint the endpoint whose page it came in: what it must be read as
   * @param raw its JSON, cut at {@link Rejected#MAX_RAW} characters
   * @param rawLength the length of the whole JSON
   */
  record Kept(String key, String endpoint, String raw, int rawLength) {

    /** Whether {@code raw} is the whole JSON: a cut one cannot be read, whatever the parser. */
    public boolean whole() {
      return raw.length() == rawLength;
    }
  }

  /**
   * Keeps {@code item}, found by {@code account}'s poller on {@code endpoint}; returns false when the same item
   * (same platform, account and {@link Rejected#key()}) was kept before, which only moves its last sighting.
   */
  boolean keep(Platform platform, String account, String endpoint, Rejected item, Instant seenAt);

  /**
   * Gives {@code each} every item of {@code account} not yet read again, one at a time (so a flood of them is never
   * all in memory), in no particular order. Cut ones may be left out: they cannot be read.
   */
  void eachWaiting(Platform platform, String account, Consumer<Kept> each);

  /** Marks an item read again at {@code at}, so no later start reads it again; a second mark changes nothing. */
  void recovered(Platform platform, String account, String key, Instant at);
}
