package io.replywatch.classify.model;

import io.replywatch.classify.Category;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A softmax (multinomial logistic regression) over hashed features. Weights are stored feature-major
 * ({@code w[feature * classes + class]}) so one feature's weights share a cache line. On disk the weights are
 * quantised to 16 bits and gzipped: 2^18 buckets of 3 classes fit in about a megabyte.
 *
 * <p>Each class also has a fixed offset added to its score before the softmax. Training leaves it at zero; it is a
 * decision cost set afterwards (see {@link #withOffset}), e.g. to say a missed complaint costs more than a false one.
 *
 * <p>A model trained on Korean texts also carries the per-bucket {@link NaiveBayesScale} of their features,
 * which {@link Features#of} applies at run time, and every model says whether the question flag was one of its
 * inputs. Formats: {@code RWC1} (read only) is header and weights; {@code RWC2} (read only) adds the class offsets
 * after each class name and, after the weights, a flag and the quantised Korean scale when there is one;
 * {@code RWC3} adds the question-input flag at the end. Models in the older formats had the question flag as input.
 */
public final class LinearModel {
  private static final int MAGIC_V1 = 0x52574331; // "RWC1": no offsets, no Korean scale
  private static final int MAGIC_V2 = 0x52574332; // "RWC2": no question-input flag (it was always an input)
  private static final int MAGIC = 0x52574333; // "RWC3"

  private final int bits;
  private final Category[] classes;
  private final float[] weights;
  private final double[] offsets;
  private final float[] koreanScale;
  private final boolean questionInput;

  public LinearModel(int bits, List<Category> classes, float[] weights) {
    this(bits, classes, weights, null);
  }

  /** @param koreanScale per-bucket factors for Korean texts' hashed features, or null */
  public LinearModel(int bits, List<Category> classes, float[] weights, float[] koreanScale) {
    this(bits, classes, weights, new double[classes.size()], koreanScale, true);
  }

  private LinearModel(int bits, List<Category> classes, float[] weights, double[] offsets, float[] koreanScale,
      boolean questionInput) {
    if (weights.length != (1 << bits) * classes.size()) {
      throw new IllegalArgumentException("weights do not match 2^" + bits + " x " + classes.size());
    }
    if (koreanScale != null && koreanScale.length != 1 << bits) {
      throw new IllegalArgumentException("Korean scale does not match 2^" + bits + " buckets");
    }
    this.bits = bits;
    this.classes = classes.toArray(new Category[0]);
    this.weights = weights;
    this.offsets = offsets;
    this.koreanScale = koreanScale;
    this.questionInput = questionInput;
  }

  /** The same weights with the Korean feature scale they were trained with. */
  public LinearModel withKoreanScale(float[] scale) {
    return new LinearModel(bits, List.of(classes), weights, offsets, scale, questionInput);
  }

  /** The same weights, saying whether they were trained with the question flag among the inputs. */
  public LinearModel withQuestionInput(boolean input) {
    return new LinearModel(bits, List.of(classes), weights, offsets, koreanScale, input);
  }

  /** Whether the question flag is one of the model's inputs ({@link Features}). */
  public boolean questionInput() {
    return questionInput;
  }

  /**
   * The same weights with {@code logOdds} added to one class's score: multiplies that class's odds against every
   * other by e^logOdds. A class the model does not have leaves it unchanged.
   */
  public LinearModel withOffset(Category c, double logOdds) {
    int j = List.of(classes).indexOf(c);
    if (j < 0) {
      return this;
    }
    double[] o = offsets.clone();
    o[j] = logOdds;
    return new LinearModel(bits, List.of(classes), weights, o, koreanScale, questionInput);
  }

  /** The offset added to a class's score (0 for a class the model does not have). */
  public double offset(Category c) {
    int j = List.of(classes).indexOf(c);
    return j < 0 ? 0 : offsets[j];
  }

  public int bits() {
    return bits;
  }

  public List<Category> classes() {
    return List.of(classes);
  }

  float[] weights() {
    return weights;
  }

  /** Per-bucket factors for Korean texts' hashed features, or null when trained without Korean texts. */
  float[] koreanScale() {
    return koreanScale;
  }

  /** Class probabilities in the order of {@link #classes()}. */
  public double[] probabilities(SparseVector x) {
    int c = classes.length;
    double[] z = offsets.clone();
    for (int k = 0; k < x.size(); k++) {
      int base = x.index(k) * c;
      float v = x.value(k);
      for (int j = 0; j < c; j++) {
        z[j] += weights[base + j] * v;
      }
    }
    softmax(z);
    return z;
  }

  static void softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double d : z) {
      max = Math.max(max, d);
    }
    double sum = 0;
    for (int j = 0; j < z.length; j++) {
      z[j] = Math.exp(z[j] - max);
      sum += z[j];
    }
    for (int j = 0; j < z.length; j++) {
      z[j] /= sum;
    }
  }

  public void write(OutputStream out) throws IOException {
    GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
    DataOutputStream d = new DataOutputStream(new java.io.BufferedOutputStream(gz, 1 << 16));
    d.writeInt(MAGIC);
    d.writeByte(bits);
    d.writeByte(classes.length);
    for (int j = 0; j < classes.length; j++) {
      d.writeUTF(classes[j].id());
      d.writeDouble(offsets[j]);
    }
    writeQuantised(d, weights);
    d.writeBoolean(koreanScale != null);
    if (koreanScale != null) {
      writeQuantised(d, koreanScale);
    }
    d.writeBoolean(questionInput);
    d.flush();
    gz.finish();
  }

  /** A step and the values as 16-bit multiples of it: the largest magnitude maps to Short.MAX_VALUE. */
  private static void writeQuantised(DataOutputStream d, float[] values) throws IOException {
    float max = 1e-9f;
    for (float w : values) {
      max = Math.max(max, Math.abs(w));
    }
    float step = max / Short.MAX_VALUE;
    d.writeFloat(step);
    for (float w : values) {
      d.writeShort(Math.round(w / step));
    }
  }

  private static float[] readQuantised(DataInputStream d, int n) throws IOException {
    float step = d.readFloat();
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = d.readShort() * step;
    }
    return out;
  }

  public static LinearModel read(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(in), 1 << 16));
    int magic = d.readInt();
    if (magic != MAGIC && magic != MAGIC_V2 && magic != MAGIC_V1) {
      throw new IOException("not a Replywatch classifier model");
    }
    int bits = d.readByte();
    int n = d.readByte();
    if (bits < 8 || bits > 24 || n < 2 || n > 4) {
      throw new IOException("corrupt model header");
    }
    Category[] classes = new Category[n];
    double[] offsets = new double[n];
    for (int j = 0; j < n; j++) {
      String id = d.readUTF();
      classes[j] = Category.parse(id).orElseThrow(() -> new IOException("unknown class " + id));
      offsets[j] = magic != MAGIC_V1 ? d.readDouble() : 0;
      if (!Double.isFinite(offsets[j]) || Math.abs(offsets[j]) > 20) {
        throw new IOException("corrupt class offset " + offsets[j]);
      }
    }
    float[] w = readQuantised(d, (1 << bits) * n);
    float[] koreanScale = magic != MAGIC_V1 && d.readBoolean() ? readQuantised(d, 1 << bits) : null;
    boolean questionInput = magic != MAGIC || d.readBoolean();
    return new LinearModel(bits, List.of(classes), w, offsets, koreanScale, questionInput);
  }
}
