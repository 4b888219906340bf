package io.replywatch.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * A fixed rate-limit window as platforms enforce it: {@code limit} requests per {@code length}, counted from the
 * first request of the window; a served 429 fault blocks it until a given time. Each simulator renders the state
 * with its own header names and units. Thread-safe: a simulator may serve from several event loops.
 */
public final class RateWindow {
  private final int limit;
  private final Duration length;
  private Instant start;
  private int used;
  private Instant blockedUntil = Instant.MIN;

  public RateWindow(int limit, Duration length) {
    this.limit = limit;
    this.length = length;
  }

  /** Counts one request at {@code now}; false when it must be answered with a 429. */
  public synchronized boolean admit(Instant now) {
    roll(now);
    if (now.isBefore(blockedUntil) || used >= limit) {
      return false;
    }
    used++;
    return true;
  }

  /** Refuses every request until {@code until}; returns the reset the 429 reports. */
  public synchronized Instant block(Instant now, Instant until) {
    roll(now);
    blockedUntil = until;
    return reset(now);
  }

  public synchronized int limit() {
    return limit;
  }

  public synchronized int used() {
    return used;
  }

  /** Requests left as of the last request counted (what a header on that response says). */
  public synchronized int remaining() {
    return Math.max(0, limit - used);
  }

  /** Blocks until {@code until} from wherever the window is now. */
  public synchronized void block(Instant until) {
    blockedUntil = until;
  }

  public synchronized int remaining(Instant now) {
    return now.isBefore(blockedUntil) ? 0 : Math.max(0, limit - used);
  }

  /** When requests are allowed again: the block's end while blocked, else the window's end. */
  public synchronized Instant reset(Instant now) {
    roll(now);
    return now.isBefore(blockedUntil) ? blockedUntil : start.plus(length);
  }

  private void roll(Instant now) {
    if (start == null || !now.isBefore(start.plus(length))) {
      start = now;
      used = 0;
    }
  }
}
