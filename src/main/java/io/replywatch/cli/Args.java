package io.replywatch.cli;

import io.replywatch.usage.UsageException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parsed {@code --name value} and {@code --flag} options of one subcommand. Unknown options and bare words are a
 * usage error, so a typo never silently falls back to a default ("check-config my.yaml" must not check the default
 * config and say ok).
 */
public final class Args {
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private final Map<String, String> values = new HashMap<>();

  private Args() {}

  /**
   * @param valued options that take a value ("--config")
   * @param flags options that take none ("--json")
   */
  public static Args parse(List<String> raw, Set<String> valued, Set<String> flags) {
    Args args = new Args();
    for (int i = 0; i < raw.size(); i++) {
      String a = raw.get(i);
      if (a.startsWith("--")) {
        String name = a;
        String inline = null;
        int eq = a.indexOf('=');
        if (eq > 0) {
          name = a.substring(0, eq);
          inline = a.substring(eq + 1);
        }
        if (flags.contains(name) && inline == null) {
          args.values.put(name, "true");
        } else if (valued.contains(name)) {
          if (inline == null) {
            if (i + 1 >= raw.size()) {
              throw new UsageException("option " + name + " needs a value");
            }
            inline = raw.get(++i);
          }
          // An empty value ("--config=", --input "$UNSET") is the current directory as a path: every command said
          // only ": is a directory".
          if (inline.isEmpty()) {
            throw new UsageException("option " + name + " needs a value, got an empty one");
          }
          args.values.put(name, inline);
        } else {
          throw new UsageException("unknown option '" + name + "'");
        }
      } else {
        throw new UsageException("unexpected argument '" + a + "'" + hint(a, valued));
      }
    }
    return args;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  public String require(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new UsageException("missing required option " + name);
    }
    return v;
  }

  public int intValue(String name, int fallback, int min, int max) {
    String v = values.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new UsageException(name + " must be between " + min + " and " + max + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be a whole number, got '" + v + "'");
    }
  }

  /** A whole number of any size that fits in a long, such as a seed. */
  public long longValue(String name, long fallback) {
    String v = values.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be a whole number, got '" + v + "'");
    }
  }

  /** The option a bare word was probably meant for: the only valued option, or the input file. */
  private static String hint(String word, Set<String> valued) {
    String option = valued.size() == 1 ? valued.iterator().next()
        : valued.contains("--input") ? "--input" : null;
    return option == null ? "" : " (did you mean " + option + " " + word + "?)";
  }

  /**
   * A decimal number in [min, max]. Parsed strictly: Double.parseDouble also takes NaN (which slips through any
   * range check, as every comparison with it is false), Infinity, hex and a trailing d or f.
   */
  public double doubleValue(String name, double fallback, double min, double max) {
    String v = values.get(name);
    if (v == null) {
      return fallback;
    }
    double x = DECIMAL.matcher(v).matches() ? Double.parseDouble(v) : Double.NaN;
    if (!Double.isFinite(x)) {
      throw new UsageException(name + " must be a number between " + plain(min) + " and " + plain(max) + ", got '"
          + v + "'");
    }
    if (x < min || x > max) {
      throw new UsageException(name + " must be between " + plain(min) + " and " + plain(max) + ", got " + v);
    }
    return x;
  }

  private static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
