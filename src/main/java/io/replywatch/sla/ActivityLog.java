package io.replywatch.sla;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * The readable live log of what the monitor does (mention received, classified, waiting, warning, breach,
 * answered), stamped with service time so the demo reads like a support shift. Mention text is untrusted: it is
 * flattened to one line and cut, so it can never forge a log line.
 */
public final class ActivityLog {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final int MAX_TEXT = 80;

  private final Consumer<String> sink;
  private final Clock clock;

  public ActivityLog(Consumer<String> sink, Clock clock) {
    this.sink = sink;
    this.clock = clock;
  }

  public void log(String what, String detail) {
    sink.accept(String.format("%s  %-9s %s", TIME.format(clock.instant()), what, detail));
  }

  /** One line, no control characters, at most {@value #MAX_TEXT} code points, quoted. */
  public static String quote(String untrusted) {
    String flat = untrusted == null ? "" : untrusted.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    if (flat.codePointCount(0, flat.length()) > MAX_TEXT) {
      flat = flat.substring(0, flat.offsetByCodePoints(0, MAX_TEXT - 1)) + "\u2026";
    }
    return "\"" + flat + "\"";
  }
}
