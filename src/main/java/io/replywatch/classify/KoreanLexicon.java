package io.replywatch.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Scores Korean text with our own sentiment lexicon ({@code classify/korean_lexicon.txt}), the counterpart of
 * {@link VaderScorer} for Hangul. Korean spacing is loose and endings are glued to stems, so entries are matched
 * as substrings of the text with spaces removed, longest entry first at each position, and a match consumes its
 * characters ("재미없" is one negative hit, not "재미" plus something). A hit is negated, as VADER does, when
 * 안 or 못 comes right before it as a word of its own or the start of one ("안 좋아", "안좋아"; not the end of
 * 그동안 or 잘못: "그동안 감사했습니다" is thanks) or -지 않 / -지 못 right after it ("좋지 않다"). Immutable and
 * thread-safe once built; a text costs its copy without spaces and one flag per character.
 */
public final class KoreanLexicon {
  /** VADER's negation factor: a negated hit keeps most of its strength with the opposite sign. */
  private static final double NEGATE = -0.74;
  /** VADER's normalisation constant for the compound score. */
  private static final double ALPHA = 15;
  /**
   * Second syllables of words that begin with 안 and do not negate (안정, 안전, 안내, 안심, 안녕, 안부, 안락, 안경):
   * "안정성이 좋아요" is praise of stability, not "안 + 정성".
   */
  private static final String AN_COMPOUNDS = "정전내심녕부락경";
  private static final String[] NEGATED_AFTER = {"지않", "지도않", "지는않", "진않", "질않", "지못", "지도못", "지마"};

  /** The entries as a trie, so the longest match at a position costs one step per character it spans. */
  private final Node root;

  private record Entry(String text, double valence) {}

  /**
   * A trie node: its children's characters sorted, with the children beside them (sorted arrays rather than a
   * map: a lookup per character must not box a Character), and the entry that ends here, if any.
   */
  private record Node(char[] keys, Node[] children, Entry entry) {
    Node child(char c) {
      int at = Arrays.binarySearch(keys, c);
      return at < 0 ? null : children[at];
    }
  }

  KoreanLexicon(Map<String, Double> valence) {
    this.root = build(new TreeMap<>(valence), "");
  }

  /** The node for {@code prefix}, from the entries (sorted) that start with it. */
  private static Node build(SortedMap<String, Double> entries, String prefix) {
    Entry here = entries.containsKey(prefix) && !prefix.isEmpty() ? new Entry(prefix, entries.get(prefix)) : null;
    TreeMap<Character, SortedMap<String, Double>> next = new TreeMap<>();
    entries.forEach((k, v) -> {
      if (k.length() > prefix.length()) {
        next.computeIfAbsent(k.charAt(prefix.length()), c -> new TreeMap<>()).put(k, v);
      }
    });
    char[] keys = new char[next.size()];
    Node[] children = new Node[next.size()];
    int i = 0;
    for (Map.Entry<Character, SortedMap<String, Double>> e : next.entrySet()) {
      keys[i] = e.getKey();
      children[i++] = build(e.getValue(), prefix + e.getKey());
    }
    return new Node(keys, children, here);
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
    boolean[] wordStart = new boolean[text.length()];
    String s = withoutSpaces(text, wordStart);
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
      if (endsInAnCompound(s, e, end)) {
        i++; // "접속 안내" is guidance about access, not 접속안 (access failing): 안 begins 안내 here
        continue;
      }
      if (e.valence() == 0) {
        i = end; // a blocker entry: it only keeps a shorter entry from matching inside this word
        continue;
      }
      double v = negated(s, wordStart, i, end) ? NEGATE * e.valence() : e.valence();
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
    Entry longest = null;
    Node node = root;
    for (int k = i; k < s.length() && node != null; k++) {
      node = node.child(s.charAt(k));
      if (node != null && node.entry() != null) {
        longest = node.entry();
      }
    }
    return longest;
  }

  /**
   * 안/못 right before the hit and starting a word, or a negating ending within a character after it ("좋았지 않",
   * "재밌진 않"). {@code wordStart[k]}: the k-th character of {@code s} began a word of the text.
   */
  static boolean negated(String s, boolean[] wordStart, int start, int end) {
    if (start > 0 && wordStart[start - 1]) {
      char before = s.charAt(start - 1);
      boolean glued = !wordStart[start];
      if (before == '못' || before == '안' && !(glued && AN_COMPOUNDS.indexOf(s.charAt(start)) >= 0)) {
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

  /** An entry ending in 안 whose 안 here begins a word such as 안내 or 안정 ({@link #AN_COMPOUNDS}). */
  private static boolean endsInAnCompound(String s, Entry e, int end) {
    return e.text().endsWith("안") && end < s.length() && AN_COMPOUNDS.indexOf(s.charAt(end)) >= 0;
  }

  /** The text without whitespace; marks in {@code wordStart} which of its characters began a word. */
  private static String withoutSpaces(String text, boolean[] wordStart) {
    StringBuilder b = new StringBuilder(text.length());
    boolean afterSpace = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        afterSpace = true;
      } else {
        wordStart[b.length()] = afterSpace;
        afterSpace = false;
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
