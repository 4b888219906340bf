package io.replywatch.classify.model;

import java.util.List;

/**
 * Naive-Bayes feature scaling after Wang and Manning (2012), "Baselines and Bigrams: Simple, Good Sentiment and
 * Topic Classification": each hashed feature is scaled by how strongly its presence leans to one class in the
 * training data, so the linear model starts from naive Bayes' judgement of which n-grams matter and only has to
 * learn their signs and corrections. On small sentiment sets this beats plain logistic regression, because naive
 * Bayes needs far fewer examples to rank rare n-grams.
 *
 * <p>For several classes a feature's scale is its largest absolute log-count ratio of one class against the rest,
 * presence counted once per example, with add-{@link #ALPHA} smoothing.
 */
public final class NaiveBayesScale {
  /** Laplace smoothing of the presence counts. */
  static final double ALPHA = 1;

  private NaiveBayesScale() {}

  /**
   * @param xs feature vectors
   * @param labels class of each vector, 0..classes-1
   * @param buckets number of hashed buckets (indices of xs are below it)
   * @return one scale per bucket
   */
  public static float[] fit(List<SparseVector> xs, int[] labels, int classes, int buckets) {
    double[][] count = new double[classes][buckets];
    int[] seen = new int[buckets];
    for (int e = 0; e < xs.size(); e++) {
      SparseVector x = xs.get(e);
      for (int k = 0; k < x.size(); k++) {
        int i = x.index(k);
        // presence, not counts: a repeated n-gram says little more than a single one
        if (x.value(k) != 0 && seen[i] != e + 1) {
          seen[i] = e + 1;
          count[labels[e]][i]++;
        }
      }
    }
    double[] total = new double[classes];
    double all = 0;
    for (int j = 0; j < classes; j++) {
      for (double c : count[j]) {
        total[j] += c + ALPHA;
      }
      all += total[j];
    }
    float[] scale = new float[buckets];
    for (int i = 0; i < buckets; i++) {
      double sum = 0;
      for (int j = 0; j < classes; j++) {
        sum += count[j][i];
      }
      double best = 0;
      for (int j = 0; j < classes; j++) {
        double in = (count[j][i] + ALPHA) / total[j];
        double out = (sum - count[j][i] + ALPHA) / (all - total[j] - (classes - 2) * buckets * ALPHA);
        best = Math.max(best, Math.abs(Math.log(in / out)));
      }
      scale[i] = (float) best;
    }
    return scale;
  }
}
