package io.replywatch.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores Korean text with our own sentiment lexicon ({@code classify/korean_lexicon.txt}), the counterpart of
 * {@link VaderScorer} for Hangul. Korean spacing is loose and endings are glued to stems, so entries are matched
 * as substrings of the text with spaces removed, longest entry first at each position, and a match consumes its
 * characters ("재미없" is one negative hit, not "재미" plus something). A hit is negated, as VADER does, when
 * 안 or 못 comes right before it ("안 좋아") or -지 않 / -지 못 right after it ("좋지 않다"). Immutable and
 * thread-safe once built; allocation-free per text apart from the result.
 */
public final class KoreanLexicon {
  /** VADER's negation factor: a negated hit keeps most of its strength with the opposite sign. */
  private static final double NEGATE = -0.74;
  /** VADER's normalisation constant for the compound score. */
  private static final double ALPHA = 15;
  private static final String[] NEGATED_AFTER = {"지않", "지도않", "지는않", "진않", "질않", "지못", "지도못", "지마"};

  /** The distinct first characters of the entries, sorted, and for each its entries, longest first. */
  private final char[] firsts;
  private final Entry[][] byFirst;

  private record Entry(String text, double valence) {}

  KoreanLexicon(Map<String, Double> valence) {
    Map<Character, List<Entry>> groups = new HashMap<>();
    valence.forEach((k, v) -> {
      if (!k.isEmpty()) {
        groups.computeIfAbsent(k.charAt(0), c -> new ArrayList<>()).add(new Entry(k, v));
      }
    });
    // sorted arrays rather than a map: a lookup per character must not box a Character
    List<Character> keys = new ArrayList<>(groups.keySet());
    keys.sort(null);
    this.firsts = new char[keys.size()];
    this.byFirst = new Entry[keys.size()][];
    for (int i = 0; i < keys.size(); i++) {
      List<Entry> list = groups.get(keys.get(i));
      list.sort(Comparator.comparingInt((Entry e) -> e.text().length()).reversed().thenComparing(Entry::text));
      firsts[i] = keys.get(i);
      byFirst[i] = list.toArray(new Entry[0]);
    }
  }

  /** The lexicon shipped in the jar. */
  public static KoreanLexicon shipped() {
    try (InputStream in = KoreanLexicon.class.getResourceAsStream("/classify/korean_lexicon.txt")) {
      if (in == null) {
        throw new IllegalStateException("/classify/korean_lexicon.txt is missing from the jar");
      }
      return read(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads {@code entry TAB valence} lines; blank lines and lines starting with {@code #} are skipped. */
  public static KoreanLexicon read(Reader reader) throws IOException {
    Map<String, Double> valence = new HashMap<>();
    BufferedReader r = new BufferedReader(reader);
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length >= 2) {
        try {
          valence.put(f[0].strip(), Double.parseDouble(f[1].strip()));
        } catch (NumberFormatException ignored) {
          // a malformed line is skipped rather than failing every classification
        }
      }
    }
    return new KoreanLexicon(valence);
  }

  /**
   * Scores one cleaned text. {@code positive} and {@code negative} are shares of the summed valence over it and
   * the words without a hit, as VADER's {@code pos} and {@code neg}; {@code hits} counts matches.
   */
  public Sentiment score(String text) {
    String s = withoutSpaces(text);
    int n = s.length();
    double pos = 0;
    double neg = 0;
    int hits = 0;
    int i = 0;
    while (i < n) {
      Entry e = longestAt(s, i);
      if (e == null) {
        i++;
        continue;
      }
      int end = i + e.text().length();
      double v = negated(s, i, end) ? NEGATE * e.valence() : e.valence();
      if (v > 0) {
        pos += v;
      } else {
        neg -= v;
      }
      hits++;
      i = end;
    }
    if (hits == 0) {
      return Sentiment.NONE;
    }
    double sum = pos - neg;
    double compound = sum / Math.sqrt(sum * sum + ALPHA);
    int words = words(text);
    double neutral = Math.max(0, words - hits);
    double total = pos + neg + neutral;
    return new Sentiment(compound, pos / total, neg / total, neutral / total, hits);
  }

  private Entry longestAt(String s, int i) {
    int at = Arrays.binarySearch(firsts, s.charAt(i));
    if (at < 0) {
      return null;
    }
    for (Entry e : byFirst[at]) {
      if (s.startsWith(e.text(), i)) {
        return e;
      }
    }
    return null;
  }

  /** 안/못 right before the hit, or a negating ending within a character after it ("좋았지 않", "재밌진 않"). */
  static boolean negated(String s, int start, int end) {
    if (start > 0) {
      char before = s.charAt(start - 1);
      if (before == '안' || before == '못') {
        return true;
      }
    }
    for (String ending : NEGATED_AFTER) {
      if (s.startsWith(ending, end) || s.startsWith(ending, end + 1)) {
        return true;
      }
    }
    return false;
  }

  private static String withoutSpaces(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static int words(String text) {
    int n = 0;
    boolean in = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !in) {
        n++;
      }
      in = !space;
    }
    return n;
  }
}
