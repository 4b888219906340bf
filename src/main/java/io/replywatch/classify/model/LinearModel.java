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
 */
public final class LinearModel {
  private static final int MAGIC_V1 = 0x52574331; // "RWC1": no class offsets
  private static final int MAGIC = 0x52574332; // "RWC2"

  private final int bits;
  private final Category[] classes;
  private final float[] weights;
  private final double[] offsets;

  public LinearModel(int bits, List<Category> classes, float[] weights) {
    this(bits, classes, weights, new double[classes.size()]);
  }

  private LinearModel(int bits, List<Category> classes, float[] weights, double[] offsets) {
    if (weights.length != (1 << bits) * classes.size()) {
      throw new IllegalArgumentException("weights do not match 2^" + bits + " x " + classes.size());
    }
    this.bits = bits;
    this.classes = classes.toArray(new Category[0]);
    this.weights = weights;
    this.offsets = offsets;
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
    return new LinearModel(bits, List.of(classes), weights, o);
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
    float max = 1e-9f;
    for (float w : weights) {
      max = Math.max(max, Math.abs(w));
    }
    float scale = max / Short.MAX_VALUE;
    d.writeFloat(scale);
    for (float w : weights) {
      d.writeShort(Math.round(w / scale));
    }
    d.flush();
    gz.finish();
  }

  public static LinearModel read(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(in), 1 << 16));
    int magic = d.readInt();
    if (magic != MAGIC && magic != MAGIC_V1) {
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
      offsets[j] = magic == MAGIC ? d.readDouble() : 0;
      if (!Double.isFinite(offsets[j]) || Math.abs(offsets[j]) > 20) {
        throw new IOException("corrupt class offset " + offsets[j]);
      }
    }
    float scale = d.readFloat();
    float[] w = new float[(1 << bits) * n];
    for (int i = 0; i < w.length; i++) {
      w[i] = d.readShort() * scale;
    }
    return new LinearModel(bits, List.of(classes), w, offsets);
  }
}
