package io.replywatch.classify.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NaiveBayesScaleTest {

  private static SparseVector of(int... indices) {
    SparseVector v = new SparseVector();
    for (int i : indices) {
      v.add(i, 1f);
    }
    return v;
  }

  @Test
  void shouldGiveTheAbsoluteLogCountRatioForTwoClasses() {
    // bucket 0 in every text, bucket 1 only in class 1 (twice in one text: counted once), bucket 2 only in class 0
    List<SparseVector> xs = List.of(of(0, 1, 1), of(0, 1), of(0, 2), of(0));
    int[] y = {1, 1, 0, 0};
    float[] r = NaiveBayesScale.fit(xs, y, 2, 4);
    // smoothed totals: class 1 has 2 + 2 + 4 * 1 = 8, class 0 has 2 + 1 + 4 * 1 = 7
    assertEquals(Math.abs(Math.log((3 / 8.0) / (3 / 7.0))), r[0], 1e-6);
    assertEquals(Math.abs(Math.log((3 / 8.0) / (1 / 7.0))), r[1], 1e-6);
    assertEquals(Math.abs(Math.log((1 / 8.0) / (2 / 7.0))), r[2], 1e-6);
    assertEquals(Math.abs(Math.log((1 / 8.0) / (1 / 7.0))), r[3], 1e-6);
  }

  @Test
  void shouldTakeTheStrongestClassAgainstTheRestForSeveral() {
    // bucket 1 marks class 2; against the rest (classes 0 and 1 pooled, smoothed once) it leans strongly
    List<SparseVector> xs = List.of(of(0), of(0), of(1));
    int[] y = {0, 1, 2};
    float[] r = NaiveBayesScale.fit(xs, y, 3, 2);
    double in = 2 / 3.0; // class 2: count 1 + 1 over 1 + 2 * 1
    double out = 1 / 4.0; // rest: count 0 + 1 over 2 + 2 * 1
    assertEquals(Math.abs(Math.log(in / out)), r[1], 1e-6);
  }

  @Test
  void shouldIgnoreZeroValues() {
    SparseVector v = of(0);
    v.add(1, 0f);
    float[] r = NaiveBayesScale.fit(List.of(v, of(0)), new int[] {0, 1}, 2, 2);
    assertEquals(0, r[1], 1e-6);
  }
}
