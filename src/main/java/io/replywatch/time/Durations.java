package io.replywatch.time;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints the human durations of the config and the log: {@code 500ms}, {@code 30s}, {@code 30m}, {@code 1h30m}, {@code 2d}. Units
 * go from the largest to the smallest, each at most once, as in Prometheus: {@code 30m30m} or {@code 30s1h} is
 * more likely a slip than a wish for 60 minutes or 1h30s, so it is refused rather than summed. A
 * duration too long to count in nanoseconds (about 292 years) comes back as {@link #MAX}, so a caller compares
 * it with its own limit and says so, instead of an ArithmeticException here or in a later {@code toMillis()}.
 */
public final class Durations {
  public static final Duration MAX = Duration.ofNanos(Long.MAX_VALUE);
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  /** Units from the largest down: a part's unit must come later in this list than the part before it. */
  private static final java.util.List<String> ORDER = java.util.List.of("d", "h", "m", "s", "ms");
  private static final Map<String, Long> NANOS = Map.of("ms", 1_000_000L, "s", 1_000_000_000L,
      "m", 60_000_000_000L, "h", 3_600_000_000_000L, "d", 86_400_000_000_000L);

  private Durations() {}

  public static Optional<Duration> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Matcher m = PART.matcher(text.trim());
    long nanos = 0;
    boolean tooLong = false;
    int end = 0;
    int lastUnit = -1;
    while (m.find()) {
      int unit = ORDER.indexOf(m.group(2));
      if (m.start() != end || unit <= lastUnit) {
        return Optional.empty();
      }
      lastUnit = unit;
      try {
        nanos = Math.addExact(nanos, Math.multiplyExact(Long.parseLong(m.group(1)), NANOS.get(m.group(2))));
      } catch (ArithmeticException | NumberFormatException e) {
        tooLong = true; // only digits got here, so the number is just too big: keep checking the syntax
      }
      end = m.end();
    }
    if (end != text.trim().length() || end == 0) {
      return Optional.empty();
    }
    return Optional.of(tooLong ? MAX : Duration.ofNanos(nanos));
  }

  /** The shortest exact rendering, for messages: 90s → "1m30s". */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    long h = d.toHours();
    if (h > 0) {
      sb.append(h).append('h');
    }
    if (d.toMinutesPart() > 0) {
      sb.append(d.toMinutesPart()).append('m');
    }
    if (d.toSecondsPart() > 0) {
      sb.append(d.toSecondsPart()).append('s');
    }
    if (d.toMillisPart() > 0) {
      sb.append(d.toMillisPart()).append("ms");
    }
    return sb.toString();
  }
}
