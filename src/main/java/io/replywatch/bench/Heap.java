package io.replywatch.bench;

import java.lang.management.ManagementFactory;

/** Heap in use after a few collections: the difference of two readings is what a structure in between holds. */
public final class Heap {
  private Heap() {}

  public static long used() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
