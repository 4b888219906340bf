package io.replywatch.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Our own implementation of the VADER rules (Hutto and Gilbert, ICWSM 2014) over VADER's MIT-licensed lexicon:
 * word valences, boosters, negation, capitals, "but" and punctuation emphasis. Emoji are scored through the
 * words of their description in VADER's emoji lexicon. Immutable and thread-safe once built.
 */
public final class VaderScorer {
  private static final double BOOST = 0.293;
  private static final double CAPS = 0.733;
  private static final double NEGATE = -0.74;
  private static final double ALPHA = 15;

  private static final Set<String> NEGATIONS = Set.of("aint", "arent", "cannot", "cant", "couldnt", "darent",
      "didnt", "doesnt", "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt",
      "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't", "isn't",
      "mightn't", "mustn't", "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
      "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't", "shouldn't", "wasn't",
      "weren't", "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite", "no");

  private static final Map<String, Double> BOOSTERS = boosters();

  private final Map<String, Double> valence;

  VaderScorer(Map<String, Double> valence) {
    this.valence = Map.copyOf(valence);
  }

  /** The scorer over the lexicons shipped in the jar ({@code classify/vader_lexicon.txt}, emoji lexicon). */
  public static VaderScorer shipped() {
    Map<String, Double> lexicon = new HashMap<>();
    readLines("/classify/vader_lexicon.txt", (a, b) -> {
      try {
        lexicon.put(a, Double.parseDouble(b));
      } catch (NumberFormatException ignored) {
        // a malformed line in the shipped file is skipped rather than failing every classification
      }
    });
    Map<String, Double> all = new HashMap<>(lexicon);
    readLines("/classify/emoji_utf8_lexicon.txt", (emoji, description) -> {
      double sum = 0;
      for (String w : description.toLowerCase(Locale.ROOT).split(" ")) {
        sum += lexicon.getOrDefault(w, 0.0);
      }
      if (sum != 0) {
        all.put(emoji, sum);
      }
    });
    return new VaderScorer(all);
  }

  /** Whether a chunk is a lexicon entry that must stay whole (emoticons such as {@code :)}). */
  public boolean knows(String token) {
    return valence.containsKey(token);
  }

  /** The lexicon valence of one lower-cased token, 0 when unknown. */
  public double valence(String token) {
    Double v = valence.get(token);
    return v == null ? 0 : v;
  }

  public Sentiment score(Tokens t) {
    int n = t.size();
    if (n == 0) {
      return Sentiment.NONE;
    }
    double[] s = new double[n];
    boolean mixed = t.mixedCase();
    int hits = 0;
    int butAt = -1;
    for (int i = 0; i < n; i++) {
      String w = t.word(i);
      if (butAt < 0 && w.equals("but")) {
        butAt = i;
      }
      Double v0 = valence.get(w);
      if (v0 == null || BOOSTERS.containsKey(w)) {
        continue;
      }
      if (w.equals("kind") && i + 1 < n && t.word(i + 1).equals("of")) {
        continue;
      }
      hits++;
      double v = v0;
      if (mixed && t.capitals(i)) {
        v += v > 0 ? CAPS : -CAPS;
      }
      for (int back = 1; back <= 3 && i - back >= 0; back++) {
        String prev = t.word(i - back);
        Double boost = BOOSTERS.get(prev);
        if (boost != null && !valence.containsKey(prev)) {
          double b = v > 0 ? boost : -boost;
          if (mixed && t.capitals(i - back)) {
            b += v > 0 ? CAPS : -CAPS;
          }
          v += b * (back == 1 ? 1 : back == 2 ? 0.95 : 0.9);
        }
        if (isNegation(prev)) {
          v *= NEGATE;
        }
      }
      s[i] = v;
    }
    if (butAt >= 0) {
      for (int i = 0; i < n; i++) {
        s[i] *= i < butAt ? 0.5 : i > butAt ? 1.5 : 1;
      }
    }
    return summarise(s, t, hits);
  }

  private static Sentiment summarise(double[] s, Tokens t, int hits) {
    double sum = 0;
    double pos = 0;
    double neg = 0;
    int neu = 0;
    for (double v : s) {
      sum += v;
      if (v > 0) {
        pos += v + 1;
      } else if (v < 0) {
        neg += v - 1;
      } else {
        neu++;
      }
    }
    double emphasis = Math.min(t.exclamations(), 4) * 0.292;
    int q = t.questionMarks();
    if (q > 1) {
      emphasis += q <= 3 ? q * 0.18 : 0.96;
    }
    if (sum > 0) {
      sum += emphasis;
      pos += emphasis;
    } else if (sum < 0) {
      sum -= emphasis;
      neg -= emphasis;
    }
    double compound = sum / Math.sqrt(sum * sum + ALPHA);
    double total = pos - neg + neu;
    if (total == 0) {
      return new Sentiment(compound, 0, 0, 1, hits);
    }
    return new Sentiment(Math.max(-1, Math.min(1, compound)), pos / total, -neg / total, neu / total, hits);
  }

  public static boolean isNegation(String w) {
    return NEGATIONS.contains(w) || w.endsWith("n't");
  }

  private static Map<String, Double> boosters() {
    Map<String, Double> m = new HashMap<>();
    for (String w : ("absolutely amazingly awfully completely considerable considerably decidedly deeply effing "
        + "enormous enormously entirely especially exceptional exceptionally extreme extremely fabulously flipping "
        + "flippin frackin fracking fricking frickin frigging friggin fully fuckin fucking fuggin fugging greatly "
        + "hella highly hugely incredible incredibly intensely major majorly more most particularly purely quite "
        + "really remarkably so substantially thoroughly total totally tremendous tremendously uber unbelievably "
        + "unusually utter utterly very").split(" ")) {
      m.put(w, BOOST);
    }
    for (String w : ("almost barely hardly just enough kind of kinda kindof kind-of less little marginal "
        + "marginally occasional occasionally partly scarce scarcely slight slightly somewhat sort of sorta sortof "
        + "sort-of").split(" ")) {
      m.put(w, -BOOST);
    }
    return Map.copyOf(m);
  }

  private static void readLines(String resource, java.util.function.BiConsumer<String, String> sink) {
    try (InputStream in = VaderScorer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " is missing from the jar");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split("\t", 3);
        if (f.length >= 2 && !f[0].isEmpty()) {
          sink.accept(f[0], f[1]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
