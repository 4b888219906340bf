package io.replywatch.classify.model;

import io.replywatch.classify.Analysis;
import io.replywatch.classify.Sentiment;
import io.replywatch.classify.Tokens;
import io.replywatch.classify.VaderScorer;

/**
 * Turns an {@link Analysis} into hashed features: word unigrams and bigrams (with a negation mark on the three
 * words after "not", "never", ...), character 4-grams inside Latin words longer than three letters, for Korean
 * syllable 1-3-grams over the text without spaces and 2-3-grams with word boundaries, all scaled to unit length;
 * then the lexicon scores (VADER for English, our Korean lexicon for Korean) as dense values. Hashing keeps the
 * model a fixed size whatever the vocabulary. A model trained on Korean texts brings a naive-Bayes scale for
 * their hashed features ({@link NaiveBayesScale}), applied after the scaling to unit length.
 *
 * <p>The question flag is an input only to models that have a question class. A model without one (such as the
 * shipped model, whose fixture questions are trained as neutral) would learn from it that asking means neutral and
 * lean away from complaint for "why is my refund not here yet?"; the classifier turns a neutral or praising text
 * that asks into a question by rule, so such a model only has to judge the sentiment.
 */
public final class Features {
  private static final int BIAS = 0x5EED;
  private static final int UNI = 0x1001;
  private static final int BI = 0x2002;
  private static final int NEG = 0x3003;
  private static final int CHAR = 0x4004;
  private static final int DENSE = 0x5005;
  private static final int SPACED = 0x7007;
  /** Korean lexicon scores get slots of their own: our lexicon's scale is not VADER's. */
  private static final int DENSE_KO = 0x5105;

  private static final int MAX_GRAM = 3;

  private final int mask;
  private final float[] koreanScale;
  private final boolean questionInput;

  public Features(int bits) {
    this(bits, null, true);
  }

  /**
   * @param koreanScale per-bucket factors for the hashed features of Korean texts ({@link NaiveBayesScale}), or
   *     null for none; English features are never scaled
   * @param questionInput whether the question flag is a feature
   */
  public Features(int bits, float[] koreanScale, boolean questionInput) {
    if (koreanScale != null && koreanScale.length != 1 << bits) {
      throw new IllegalArgumentException("scale does not match 2^" + bits + " buckets");
    }
    this.mask = (1 << bits) - 1;
    this.koreanScale = koreanScale;
    this.questionInput = questionInput;
  }

  /** The features a model was trained on, with its Korean scale if it has one. */
  public static Features of(LinearModel model) {
    return new Features(model.bits(), model.koreanScale(), model.questionInput());
  }

  public SparseVector extract(Analysis a) {
    SparseVector v = new SparseVector();
    Tokens t = a.tokens();
    v.add(slot(BIAS, 0), 1f);
    v.add(slot(BIAS, a.language().hashCode()), 1f);
    int negate = 0;
    int prev = 0;
    for (int i = 0; i < t.size(); i++) {
      String w = t.word(i);
      int h = w.hashCode();
      v.add(slot(negate > 0 ? NEG : UNI, h), 1f);
      if (i > 0) {
        v.add(slot(BI, prev * 0x9E3779B1 + h), 1f);
      }
      if (w.length() > 3 && w.charAt(0) < 128) {
        wordGrams(w, v);
      }
      negate = VaderScorer.isNegation(w) ? 3 : negate - 1;
      prev = h;
    }
    v.add(slot(BI, prev * 0x9E3779B1 + 7), 1f);
    if ("ko".equals(a.language())) {
      syllables(a.text(), v);
      spacedSyllables(a.text(), v);
    }
    v.normalise(2);
    if (koreanScale != null && "ko".equals(a.language())) {
      v.scale(2, koreanScale);
    }
    dense(a, v);
    return v;
  }

  /** Character 4-grams of a Latin word with boundary marks: catches misspellings and inflections ("delayed"). */
  private void wordGrams(String w, SparseVector v) {
    int n = w.length();
    for (int i = -1; i + 3 <= n + 1; i++) {
      int h = 23;
      for (int k = i; k < i + 4 && k <= n; k++) {
        char c = k < 0 ? '<' : k == n ? '>' : w.charAt(k);
        h = h * 31 + c;
      }
      v.add(slot(CHAR + 9, h), 0.5f);
    }
  }

  /** Character 1..MAX_GRAM-grams over the text with spaces removed: Korean spacing is too loose for words alone. */
  private void syllables(String text, SparseVector v) {
    int n = text.length();
    char[] c = new char[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      char ch = text.charAt(i);
      if (!Character.isWhitespace(ch)) {
        c[m++] = ch;
      }
    }
    for (int i = 0; i < m; i++) {
      int h = 17;
      for (int len = 1; len <= MAX_GRAM && i + len <= m; len++) {
        h = h * 31 + c[i + len - 1];
        v.add(slot(CHAR + len, h), 1f);
      }
    }
  }

  /**
   * Syllable 2-3-grams over the text with each run of spaces kept as one boundary mark (and one at each end):
   * where a word starts and ends tells a stem from an ending ("재밌" opening a word, "요 " closing one), which the
   * grams without spaces cannot.
   */
  private void spacedSyllables(String text, SparseVector v) {
    int n = text.length();
    char[] c = new char[n + 2];
    int m = 0;
    c[m++] = ' ';
    for (int i = 0; i < n; i++) {
      char ch = text.charAt(i);
      boolean space = Character.isWhitespace(ch);
      if (!space || c[m - 1] != ' ') {
        c[m++] = space ? ' ' : ch;
      }
    }
    if (c[m - 1] != ' ') {
      c[m++] = ' ';
    }
    for (int i = 0; i + 1 < m; i++) {
      int h = (17 * 31 + c[i]) * 31 + c[i + 1];
      v.add(slot(SPACED + 2, h), 1f);
      if (i + 2 < m) {
        v.add(slot(SPACED + 3, h * 31 + c[i + 2]), 1f);
      }
    }
  }

  private void dense(Analysis a, SparseVector v) {
    Sentiment s = a.sentiment();
    int kind = "ko".equals(a.language()) ? DENSE_KO : DENSE;
    v.add(slot(kind, 1), (float) s.compound());
    v.add(slot(kind, 2), (float) s.positive());
    v.add(slot(kind, 3), (float) s.negative());
    v.add(slot(kind, 4), s.hits() == 0 ? 1f : 0f);
    int bin = (int) Math.floor((s.compound() + 1) * 4.999);
    v.add(slot(kind, 10 + bin), 1f);
    v.add(slot(kind, 30 + Math.min(s.hits(), 5)), 1f);
    if (questionInput && a.question()) {
      v.add(slot(DENSE, 5), 1f);
    }
    if (a.tokens().exclamations() > 0) {
      v.add(slot(DENSE, 6), 1f);
    }
  }

  private int slot(int kind, int h) {
    int x = h * 0xCC9E2D51 + kind * 0x1B873593;
    x ^= x >>> 16;
    x *= 0x85EBCA6B;
    x ^= x >>> 13;
    x *= 0xC2B2AE35;
    x ^= x >>> 16;
    return x & mask;
  }
}
