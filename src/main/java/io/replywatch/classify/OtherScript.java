package io.replywatch.classify;

import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Names the language of a text written in a script other than Latin or Hangul, for the report only: the model knows
 * neither, so such a text keeps its low confidence, but an agent reading "ja" knows whom to hand it to. A script that
 * one major language owns names it (kana is Japanese, Thai is Thai); a shared script is told apart by the letters
 * only some of its languages write (Ukrainian ї, Persian پ, Urdu ے) and otherwise given to its commonest language:
 * Cyrillic to Russian, Arabic to Arabic, Devanagari to Hindi, Han without kana to Chinese (a Japanese post of kanji
 * alone, "最悪", is read as Chinese). Scripts it does not list give {@code und}. Called only for texts that are
 * neither Latin nor Hangul, so it costs the English and Korean posts nothing.
 */
public final class OtherScript {
  /** Scripts one language owns, or whose commonest language is named when no marker letter says otherwise. */
  private static final Map<UnicodeScript, String> LANGUAGE = new EnumMap<>(Map.ofEntries(
      Map.entry(UnicodeScript.HIRAGANA, "ja"), Map.entry(UnicodeScript.KATAKANA, "ja"),
      Map.entry(UnicodeScript.HAN, "zh"), Map.entry(UnicodeScript.THAI, "th"), Map.entry(UnicodeScript.GREEK, "el"),
      Map.entry(UnicodeScript.HEBREW, "he"), Map.entry(UnicodeScript.GEORGIAN, "ka"),
      Map.entry(UnicodeScript.ARMENIAN, "hy"), Map.entry(UnicodeScript.CYRILLIC, "ru"),
      Map.entry(UnicodeScript.ARABIC, "ar"), Map.entry(UnicodeScript.DEVANAGARI, "hi"),
      Map.entry(UnicodeScript.BENGALI, "bn"), Map.entry(UnicodeScript.TAMIL, "ta"),
      Map.entry(UnicodeScript.TELUGU, "te"), Map.entry(UnicodeScript.GURMUKHI, "pa"),
      Map.entry(UnicodeScript.GUJARATI, "gu"), Map.entry(UnicodeScript.KANNADA, "kn"),
      Map.entry(UnicodeScript.MALAYALAM, "ml"), Map.entry(UnicodeScript.SINHALA, "si"),
      Map.entry(UnicodeScript.KHMER, "km"), Map.entry(UnicodeScript.LAO, "lo"),
      Map.entry(UnicodeScript.MYANMAR, "my"), Map.entry(UnicodeScript.ETHIOPIC, "am")));

  private static final int SCRIPTS = UnicodeScript.values().length;

  private OtherScript() {}

  /** ISO 639-1 code of the text's language by its commonest listed script, or {@code und}. */
  public static String guess(String text) {
    int[] letters = new int[SCRIPTS]; // values() would copy its array of some 170 scripts on every call
    boolean kana = false;
    UnicodeScript top = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      UnicodeScript s = UnicodeScript.of(cp);
      if (!LANGUAGE.containsKey(s)) {
        continue;
      }
      kana |= s == UnicodeScript.HIRAGANA || s == UnicodeScript.KATAKANA;
      letters[s.ordinal()]++;
      if (top == null || letters[s.ordinal()] > letters[top.ordinal()]) {
        top = s;
      }
    }
    if (top == null) {
      return Classification.UNKNOWN_LANGUAGE;
    }
    if (kana && (top == UnicodeScript.HAN || top == UnicodeScript.HIRAGANA || top == UnicodeScript.KATAKANA)) {
      return "ja"; // Japanese writes kanji and kana together; only Japanese writes kana
    }
    return switch (top) {
      case CYRILLIC -> cyrillic(text);
      case ARABIC -> arabic(text);
      default -> LANGUAGE.get(top);
    };
  }

  /** Ukrainian і ї є ґ, Belarusian ў, Serbian ђ ј љ њ ћ џ, Macedonian ѓ ќ ѕ; otherwise Russian. */
  private static String cyrillic(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (has(lower, "ў")) {
      return "be";
    }
    if (has(lower, "їєґі")) {
      return "uk";
    }
    if (has(lower, "ѓќѕ")) {
      return "mk";
    }
    if (has(lower, "ђјљњћџ")) {
      return "sr";
    }
    return "ru";
  }

  /** Urdu ٹ ڈ ڑ ں ے, Persian (and Urdu) پ چ ژ گ ی; otherwise Arabic. */
  private static String arabic(String text) {
    if (has(text, "ٹڈڑںے")) {
      return "ur";
    }
    if (has(text, "پچژگی")) {
      return "fa";
    }
    return "ar";
  }

  private static boolean has(String text, String letters) {
    for (int i = 0; i < letters.length(); i++) {
      if (text.indexOf(letters.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }
}
