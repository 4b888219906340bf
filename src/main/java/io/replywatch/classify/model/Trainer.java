package io.replywatch.classify.model;

import io.replywatch.classify.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Fits a {@link LinearModel} by AdaGrad on the softmax loss with a small L2 penalty. Deterministic: the same
 * examples, settings and seed give the same weights, so the shipped model can be rebuilt bit for bit.
 *
 * @param bits log2 of the number of hashed feature buckets
 * @param epochs passes over the data
 * @param rate AdaGrad base learning rate
 * @param l2 L2 penalty applied to the weights an example touches
 * @param balance class weighting: each example's loss is weighted by (n / (classes * n_class))^balance, so 0 is
 *     plain, 1 is "balanced" (rare classes count as much as common ones in total)
 * @param seed shuffling seed
 * @param runs how many times to fit, each run shuffling with its own seed, averaging the weights: one run's
 *     weights depend on the order it happened to see the examples in, which moves third-decimal figures; the
 *     average of a few runs depends on it less
 */
public record Trainer(int bits, int epochs, double rate, double l2, double balance, long seed, int runs) {

  /** Settings chosen by 5-fold cross-validation on the VADER rated texts and NSMC (never on the airline data). */
  public static final Trainer DEFAULT = new Trainer(18, 5, 0.1, 1e-6, 0, 20261123L, 1);

  /** Run r shuffles with seed + r * this: far apart, so runs from neighbouring seeds do not share an order. */
  static final long RUN_SEED_STEP = 0x9E3779B97F4A7C15L;

  public Trainer {
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1, got " + runs);
    }
  }

  /** The same settings with another class weighting. */
  public Trainer withBalance(double b) {
    return new Trainer(bits, epochs, rate, l2, b, seed, runs);
  }

  /** The same settings with another shuffling seed. */
  public Trainer withSeed(long s) {
    return new Trainer(bits, epochs, rate, l2, balance, s, runs);
  }

  /** The same settings, fitting {@code n} times and averaging the weights. */
  public Trainer withRuns(int n) {
    return new Trainer(bits, epochs, rate, l2, balance, seed, n);
  }

  /** One training example: its features and its label. */
  public record Example(SparseVector x, Category label) {}

  public LinearModel fit(List<Example> examples, Consumer<String> progress) {
    List<Category> classes = new ArrayList<>(new TreeSet<>(examples.stream().map(Example::label).toList()));
    if (classes.size() < 2) {
      throw new IllegalArgumentException("training needs at least two categories, got " + classes);
    }
    // One run adds its weights to zeros and divides by one: exactly its own weights, so the shipped model is
    // rebuilt bit for bit.
    float[] mean = new float[(1 << bits) * classes.size()];
    for (int r = 0; r < runs; r++) {
      String run = runs == 1 ? "" : "run " + (r + 1) + "/" + runs + ", ";
      float[] w = fitOnce(examples, classes, seed + r * RUN_SEED_STEP, s -> progress.accept(run + s)).weights();
      for (int i = 0; i < w.length; i++) {
        mean[i] += w[i];
      }
    }
    for (int i = 0; i < mean.length; i++) {
      mean[i] /= runs;
    }
    return new LinearModel(bits, classes, mean);
  }

  private LinearModel fitOnce(List<Example> examples, List<Category> classes, long shuffleSeed,
      Consumer<String> progress) {
    int c = classes.size();
    float[] w = new float[(1 << bits) * c];
    float[] g2 = new float[w.length];
    int[] order = new int[examples.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(shuffleSeed);
    LinearModel model = new LinearModel(bits, classes, w);
    double[] weight = classWeights(examples, classes);
    for (int epoch = 1; epoch <= epochs; epoch++) {
      shuffle(order, random);
      double loss = 0;
      for (int i : order) {
        int y = classes.indexOf(examples.get(i).label());
        loss += step(model, examples.get(i), y, weight[y], w, g2, c);
      }
      progress.accept(String.format("epoch %d/%d: mean loss %.4f", epoch, epochs, loss / Math.max(1, order.length)));
    }
    return model;
  }

  private double[] classWeights(List<Example> examples, List<Category> classes) {
    double[] n = new double[classes.size()];
    for (Example e : examples) {
      n[classes.indexOf(e.label())]++;
    }
    double[] weight = new double[n.length];
    for (int j = 0; j < n.length; j++) {
      weight[j] = Math.pow(examples.size() / (n.length * n[j]), balance);
    }
    return weight;
  }

  private double step(LinearModel model, Example e, int y, double weight, float[] w, float[] g2, int c) {
    double[] p = model.probabilities(e.x());
    SparseVector x = e.x();
    for (int k = 0; k < x.size(); k++) {
      int base = x.index(k) * c;
      float v = x.value(k);
      for (int j = 0; j < c; j++) {
        double g = weight * (p[j] - (j == y ? 1 : 0)) * v + l2 * w[base + j];
        g2[base + j] += (float) (g * g);
        w[base + j] -= (float) (rate * g / Math.sqrt(g2[base + j] + 1e-8));
      }
    }
    return -Math.log(Math.max(1e-12, p[y]));
  }

  private static void shuffle(int[] a, Random r) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
