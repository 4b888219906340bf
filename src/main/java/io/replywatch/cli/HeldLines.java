package io.replywatch.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A line sink that holds what it is given until {@link #release()}, then passes everything through in order. The
 * demo prints its banner only once its port is bound (a busy port should show one error, not a banner and then
 * an error), yet the pipeline may log its first mentions before that: those wait here. Thread-safe: the service
 * logs from its event loops while the command thread releases.
 */
final class HeldLines implements Consumer<String> {
  private final Consumer<String> out;
  private List<String> held = new ArrayList<>();

  HeldLines(Consumer<String> out) {
    this.out = out;
  }

  @Override
  public synchronized void accept(String line) {
    if (held != null) {
      held.add(line);
    } else {
      out.accept(line);
    }
  }

  /** Writes the held lines and passes every later line straight through. */
  synchronized void release() {
    if (held != null) {
      held.forEach(out);
      held = null;
    }
  }
}
