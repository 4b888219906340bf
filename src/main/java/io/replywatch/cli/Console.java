package io.replywatch.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The streams a command talks to; tests pass their own so nothing reaches the real terminal. */
public record Console(InputStream in, PrintStream out, PrintStream err) {

  public static Console system() {
    return new Console(System.in, System.out, System.err);
  }
}
