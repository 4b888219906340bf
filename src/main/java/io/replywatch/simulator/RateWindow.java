package io.replywatch.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * A platform's fixed rate-limit window as a simulator enforces it: so many requests per window, and a block
 * until a given instant after an injected 429. Not thread-safe: the simulator's handler thread owns it.
 */
public final class RateWindow {
  private final int limit;
  private final Duration window;
  private Instant start;
  private int used;
  private Instant blockedUntil = Instant.MIN;

  public RateWindow(int limit, Duration window) {
    this.limit = limit;
    this.window = window;
  }

  /** Counts a request at {@code now}; false when it must get a 429 (then {@link #reset} says until when). */
  public boolean admit(Instant now) {
    if (start == null || !now.isBefore(start.plus(window))) {
      start = now;
      used = 0;
    }
    if (now.isBefore(blockedUntil) || used >= limit) {
      return false;
    }
    used++;
    return true;
  }

  /** When requests are allowed again: the block's end, or the window's. */
  public Instant reset(Instant now) {
    return now.isBefore(blockedUntil) ? blockedUntil : start == null ? now : start.plus(window);
  }

  public int remaining() {
    return Math.max(0, limit - used);
  }

  public int limit() {
    return limit;
  }

  public void block(Instant until) {
    blockedUntil = until;
  }
}
