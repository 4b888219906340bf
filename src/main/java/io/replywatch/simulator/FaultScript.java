package io.replywatch.simulator;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The faults a simulator is told to serve, in order, each optionally after a number of normal answers (a 429 on
 * the second page of a walk). Thread-safe: tests inject while the simulator serves.
 */
public final class FaultScript {
  private final Deque<Fault> faults = new ArrayDeque<>();
  private int delay;

  /** Serves {@code fault} after {@code okRequests} more normal answers. */
  public synchronized void after(int okRequests, Fault fault) {
    delay = okRequests;
    faults.add(fault);
  }

  /** The fault to serve for this request, or null to answer normally. */
  public synchronized Fault next() {
    if (delay > 0 && !faults.isEmpty()) {
      delay--;
      return null;
    }
    return faults.poll();
  }
}
