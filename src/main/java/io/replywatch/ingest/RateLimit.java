package io.replywatch.ingest;

import java.time.Instant;
import java.util.OptionalInt;

/**
 * A platform's rate-limit state after one response, in a common form: how many requests are left in the window
 * and when it resets. Each platform's own header names and reset units are parsed by its client.
 */
public record RateLimit(OptionalInt remaining, Instant reset) {

  public static RateLimit unknown(Instant now) {
    return new RateLimit(OptionalInt.empty(), now);
  }

  /** Whether the next request should wait for the reset, keeping {@code reserve} requests in hand. */
  public boolean exhausted(int reserve) {
    return remaining.isPresent() && remaining.getAsInt() <= reserve;
  }
}
