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
 * @param seed shuffling seed
 */
public record Trainer(int bits, int epochs, double rate, double l2, long seed) {

  /** Settings chosen by 5-fold cross-validation on the VADER rated texts and NSMC (never on the airline data). */
  public static final Trainer DEFAULT = new Trainer(18, 5, 0.1, 1e-6, 20261123L);

  /** One training example: its features and its label. */
  public record Example(SparseVector x, Category label) {}

  public LinearModel fit(List<Example> examples, Consumer<String> progress) {
    List<Category> classes = new ArrayList<>(new TreeSet<>(examples.stream().map(Example::label).toList()));
    if (classes.size() < 2) {
      throw new IllegalArgumentException("training needs at least two categories, got " + classes);
    }
    int c = classes.size();
    float[] w = new float[(1 << bits) * c];
    float[] g2 = new float[w.length];
    int[] order = new int[examples.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    LinearModel model = new LinearModel(bits, classes, w);
    for (int epoch = 1; epoch <= epochs; epoch++) {
      shuffle(order, random);
      double loss = 0;
      for (int i : order) {
        loss += step(model, examples.get(i), classes.indexOf(examples.get(i).label()), w, g2, c);
      }
      progress.accept(String.format("epoch %d/%d: mean loss %.4f", epoch, epochs, loss / Math.max(1, order.length)));
    }
    return model;
  }

  private double step(LinearModel model, Example e, int y, float[] w, float[] g2, int c) {
    double[] p = model.probabilities(e.x());
    SparseVector x = e.x();
    for (int k = 0; k < x.size(); k++) {
      int base = x.index(k) * c;
      float v = x.value(k);
      for (int j = 0; j < c; j++) {
        double g = (p[j] - (j == y ? 1 : 0)) * v + l2 * w[base + j];
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
