package io.replywatch.classify.eval;

import io.replywatch.classify.Category;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A confusion matrix over our categories (rows: the human label, columns: the prediction) and the figures the
 * {@code eval} command prints. Macro-F1 averages over the categories that occur in the labels.
 */
public final class Confusion {
  private final long[][] counts = new long[Category.values().length][Category.values().length];

  public void add(Category gold, Category predicted) {
    counts[gold.ordinal()][predicted.ordinal()]++;
  }

  public void addAll(Confusion other) {
    for (int i = 0; i < counts.length; i++) {
      for (int j = 0; j < counts.length; j++) {
        counts[i][j] += other.counts[i][j];
      }
    }
  }

  /**
   * The same matrix with question folded into neutral, both as label and as prediction: the three classes of
   * data sets such as the airline tweets, whose "neutral" we split by the question detector.
   */
  public Confusion questionAsNeutral() {
    Confusion out = new Confusion();
    for (Category g : Category.values()) {
      for (Category p : Category.values()) {
        out.counts[fold(g).ordinal()][fold(p).ordinal()] += count(g, p);
      }
    }
    return out;
  }

  private static Category fold(Category c) {
    return c == Category.QUESTION ? Category.NEUTRAL : c;
  }

  public long count(Category gold, Category predicted) {
    return counts[gold.ordinal()][predicted.ordinal()];
  }

  public long total() {
    long n = 0;
    for (long[] row : counts) {
      for (long c : row) {
        n += c;
      }
    }
    return n;
  }

  public double accuracy() {
    long right = 0;
    for (int i = 0; i < counts.length; i++) {
      right += counts[i][i];
    }
    return ratio(right, total());
  }

  public double precision(Category c) {
    long predicted = 0;
    for (long[] row : counts) {
      predicted += row[c.ordinal()];
    }
    return ratio(counts[c.ordinal()][c.ordinal()], predicted);
  }

  public double recall(Category c) {
    long gold = 0;
    for (long n : counts[c.ordinal()]) {
      gold += n;
    }
    return ratio(counts[c.ordinal()][c.ordinal()], gold);
  }

  public double f1(Category c) {
    double p = precision(c);
    double r = recall(c);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  public double macroF1() {
    List<Category> present = labelled();
    double sum = 0;
    for (Category c : present) {
      sum += f1(c);
    }
    return present.isEmpty() ? 0 : sum / present.size();
  }

  /** Categories that occur as a label or a prediction, in enum order. */
  public List<Category> used() {
    Set<Category> s = EnumSet.noneOf(Category.class);
    for (Category g : Category.values()) {
      for (Category p : Category.values()) {
        if (count(g, p) > 0) {
          s.add(g);
          s.add(p);
        }
      }
    }
    return new ArrayList<>(s);
  }

  private List<Category> labelled() {
    List<Category> out = new ArrayList<>();
    for (Category g : Category.values()) {
      long n = 0;
      for (long c : counts[g.ordinal()]) {
        n += c;
      }
      if (n > 0) {
        out.add(g);
      }
    }
    return out;
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0 : (double) a / b;
  }
}
