package io.replywatch.classify;

/**
 * Makes any input safe to analyse: null becomes empty, control characters become spaces and text longer than
 * {@link #MAX_CHARS} is cut there (never inside a surrogate pair). Mentions are short; a 5,000-character cut
 * keeps every real post whole while bounding the work a hostile input can cause.
 */
public final class TextPrep {

  /** Texts are cut at this many UTF-16 characters before analysis. */
  public static final int MAX_CHARS = 5_000;

  private TextPrep() {}

  public static String clean(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    int end = Math.min(text.length(), MAX_CHARS);
    if (end < text.length() && end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    char[] out = new char[end];
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      out[i] = Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c;
    }
    return new String(out);
  }
}
