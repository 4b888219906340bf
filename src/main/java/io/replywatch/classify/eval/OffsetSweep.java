package io.replywatch.classify.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Complaint precision and recall if the model's complaint offset were moved: a text is called a complaint when its
 * complaint margin (log-odds ahead of the best other class) is at least minus the extra offset. Also the best
 * recall any offset reaches at a given precision, which measures the model's ranking apart from where its
 * operating point sits. Reading it on a test set is fine; choosing the shipped offset from it would be tuning on it.
 *
 * @param points precision and recall at each extra offset in {@link #OFFSETS}
 * @param recallAtPrecision the highest recall with precision at least {@code precision}, 0 when none reaches it
 * @param offsetAtPrecision the extra offset that gives it
 */
public record OffsetSweep(List<Point> points, double precision, double recallAtPrecision, double offsetAtPrecision) {
  /** Extra offsets shown, in log-odds added to the model's own. */
  static final double[] OFFSETS = {-1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1};

  public record Point(double offset, double precision, double recall) {}

  /**
   * @param margin each text's complaint margin
   * @param complaint whether each text is labelled a complaint
   * @param precision the precision at which to report the best recall
   */
  public static OffsetSweep of(double[] margin, boolean[] complaint, double precision) {
    int positives = 0;
    for (boolean b : complaint) {
      positives += b ? 1 : 0;
    }
    List<Point> points = new ArrayList<>();
    for (double offset : OFFSETS) {
      int tp = 0;
      int fp = 0;
      for (int i = 0; i < margin.length; i++) {
        if (margin[i] >= -offset) {
          tp += complaint[i] ? 1 : 0;
          fp += complaint[i] ? 0 : 1;
        }
      }
      points.add(new Point(offset, ratio(tp, tp + fp), ratio(tp, positives)));
    }
    // Walk the thresholds from the most confident complaint down; texts with the same margin go in together.
    Integer[] order = new Integer[margin.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Double.compare(margin[b], margin[a]));
    int tp = 0;
    int fp = 0;
    double best = 0;
    double bestOffset = Double.NaN;
    for (int k = 0; k < order.length; k++) {
      int i = order[k];
      tp += complaint[i] ? 1 : 0;
      fp += complaint[i] ? 0 : 1;
      boolean lastOfTie = k + 1 == order.length || margin[order[k + 1]] != margin[i];
      if (lastOfTie && Double.isFinite(margin[i]) && ratio(tp, tp + fp) >= precision && ratio(tp, positives) > best) {
        best = ratio(tp, positives);
        bestOffset = -margin[i];
      }
    }
    return new OffsetSweep(points, precision, best, bestOffset);
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 0 : (double) a / b;
  }
}
