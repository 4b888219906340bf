package io.replywatch.classify.model;

import java.util.Arrays;

/** Hashed feature indices with their values; a repeated index simply adds up in the dot product. */
public final class SparseVector {
  private int[] index = new int[64];
  private float[] value = new float[64];
  private int size;

  public void add(int i, float v) {
    if (size == index.length) {
      index = Arrays.copyOf(index, size * 2);
      value = Arrays.copyOf(value, size * 2);
    }
    index[size] = i;
    value[size++] = v;
  }

  /** Scales entries from {@code from} on so that they have unit Euclidean norm. */
  public void normalise(int from) {
    double sum = 0;
    for (int k = from; k < size; k++) {
      sum += value[k] * value[k];
    }
    if (sum > 0) {
      float inv = (float) (1 / Math.sqrt(sum));
      for (int k = from; k < size; k++) {
        value[k] *= inv;
      }
    }
  }

  /** Multiplies each entry from {@code from} on by the factor of its index. */
  public void scale(int from, float[] factor) {
    for (int k = from; k < size; k++) {
      value[k] *= factor[index[k]];
    }
  }

  public int size() {
    return size;
  }

  public int index(int k) {
    return index[k];
  }

  public float value(int k) {
    return value[k];
  }
}
