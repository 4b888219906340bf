package io.replywatch.ingest;

import java.util.Comparator;

/**
 * Orders the opaque string ids of Mastodon and X: snowflake-like, so shorter is older and equal lengths compare
 * lexically (social-apis.md §2: never cast an id to a number).
 */
public final class Ids {
  public static final Comparator<String> ORDER = Comparator.comparingInt(String::length).thenComparing(s -> s);

  private Ids() {}

  public static String max(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return ORDER.compare(a, b) >= 0 ? a : b;
  }

  /** The older of two ids, either of which may be null (as {@link #max}). */
  public static String min(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return ORDER.compare(a, b) <= 0 ? a : b;
  }
}
