package io.replywatch.classify;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * Splits cleaned text into {@link Tokens} without regular expressions (it runs on every mention). A
 * whitespace-separated chunk that the lexicon knows whole, such as {@code :)} or {@code <3}, stays one token.
 */
public final class Tokenizer {
  public static final String USER = "@user";
  public static final String URL = "<url>";

  private final Predicate<String> keepWhole;

  /** @param keepWhole chunks (lower-cased) that must not be split, typically the lexicon's emoticons */
  public Tokenizer(Predicate<String> keepWhole) {
    this.keepWhole = keepWhole;
  }

  public Tokens tokenize(String text) {
    Tokens out = new Tokens();
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        chunk(text, start, i, out);
      }
    }
    return out;
  }

  private void chunk(String text, int start, int end, Tokens out) {
    char first = text.charAt(start);
    if (first == '@' && end - start > 1) {
      out.add(USER, false);
      countPunctuation(text, start, end, out);
      return;
    }
    if (text.startsWith("http://", start) || text.startsWith("https://", start) || text.startsWith("www.", start)) {
      out.add(URL, false);
      return;
    }
    if (end - start <= 4 && !Character.isLetterOrDigit(first)) {
      String whole = text.substring(start, end).toLowerCase(Locale.ROOT);
      if (keepWhole.test(whole)) {
        out.add(whole, false);
        return;
      }
    }
    int i = start;
    while (i < end) {
      int cp = text.codePointAt(i);
      if (isWordChar(cp)) {
        int w = i;
        while (i < end && isWordChar(text.codePointAt(i))) {
          i += Character.charCount(text.codePointAt(i));
        }
        word(text, w, i, out);
        continue;
      }
      if (cp == '!') {
        out.exclamations++;
      } else if (cp == '?') {
        out.questionMarks++;
      } else if (isEmoji(cp)) {
        out.add(new String(Character.toChars(cp)), false);
      }
      i += Character.charCount(cp);
    }
  }

  private static void word(String text, int start, int end, Tokens out) {
    while (start < end && isApostrophe(text.charAt(start))) {
      start++;
    }
    while (end > start && isApostrophe(text.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      return;
    }
    String raw = text.substring(start, end).replace('\u2019', '\'');
    boolean caps = end - start > 1;
    boolean anyLetter = false;
    for (int k = start; k < end && caps; k++) {
      char c = text.charAt(k);
      if (Character.isLowerCase(c)) {
        caps = false;
      }
      anyLetter |= Character.isUpperCase(c);
    }
    out.add(raw.toLowerCase(Locale.ROOT), caps && anyLetter);
  }

  private static void countPunctuation(String text, int start, int end, Tokens out) {
    for (int k = start; k < end; k++) {
      char c = text.charAt(k);
      if (c == '!') {
        out.exclamations++;
      } else if (c == '?') {
        out.questionMarks++;
      }
    }
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019';
  }

  private static boolean isWordChar(int cp) {
    return Character.isLetterOrDigit(cp) || cp == '\'' || cp == '\u2019' || cp == '_';
  }

  static boolean isEmoji(int cp) {
    if (cp == 0x200D || cp == 0xFE0F || (cp >= 0x1F3FB && cp <= 0x1F3FF)) {
      return false;
    }
    if (cp >= 0x1F000) {
      return true;
    }
    return cp >= 0x2190 && Character.getType(cp) == Character.OTHER_SYMBOL;
  }
}
