package io.replywatch.classify;

/**
 * Routes a text to a language by the script its letters are written in: Hangul means Korean, Latin means English
 * (the only Latin-script language the model knows), anything else is undetermined. Cheap enough for every mention.
 * This routes the model's features; the classifier then reports a Latin-script text's own language from its words
 * ({@link LatinLanguage}).
 */
public final class Script {

  private Script() {}

  /** Letter counts of one text, by script. */
  public record Counts(int hangul, int latin, int other) {

    /** ISO 639-1 code: {@code ko}, {@code en}, or {@code und} when no known script dominates. */
    public String language() {
      if (hangul > 0 && hangul >= latin) {
        return "ko";
      }
      if (latin > 0 && latin >= other) {
        return "en";
      }
      return Classification.UNKNOWN_LANGUAGE;
    }
  }

  /**
   * Counts the letters of each script, leaving out handles and links: they are Latin whatever the post's language,
   * and "@acme_support_team 주문이 안 왔어요" must be read as Korean, not routed to the English model by its handle.
   */
  public static Counts count(String text) {
    int hangul = 0;
    int latin = 0;
    int other = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if ((i == 0 || Character.isWhitespace(text.charAt(i - 1))) && (c == '@' || isLink(text, i))) {
        while (i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))) {
          i++;
        }
        continue;
      }
      if (c < 128) {
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
          latin++;
        }
      } else if (isHangul(c)) {
        hangul++;
      } else if (Character.isLetter(c)) {
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
          latin++;
        } else {
          other++;
        }
      }
    }
    return new Counts(hangul, latin, other);
  }

  /** Whether a link starts at {@code i}, as the tokenizer sees links; the first letter rules out most words cheaply. */
  private static boolean isLink(String text, int i) {
    char c = text.charAt(i);
    return (c == 'h' || c == 'w')
        && (text.startsWith("http://", i) || text.startsWith("https://", i) || text.startsWith("www.", i));
  }

  /** Hangul: syllables, and the jamo (ㅋ, ㅠ, ...) that stand alone in informal text. */
  public static boolean isHangul(char c) {
    return isHangulSyllable(c) || (c >= '\u1100' && c <= '\u11FF') || (c >= '\u3130' && c <= '\u318F');
  }

  /** A composed Hangul syllable (가..힣), not a lone jamo. */
  public static boolean isHangulSyllable(char c) {
    return c >= '\uAC00' && c <= '\uD7A3';
  }
}
