package io.replywatch.classify.eval;

import io.replywatch.classify.Analyzer;
import io.replywatch.classify.corpus.LabelledText;
import io.replywatch.classify.model.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cross-validation repeated with each training fold cut to a share of its texts (stratified, fixed seed), the test
 * folds unchanged. It answers the question a team asks before labelling more of its own data: is the model still
 * learning from more examples, or has it levelled off?
 *
 * @param points one per share, smallest first, the full training folds last
 */
public record LearningCurve(List<Point> points) {
  /** Shares of each training fold measured besides the whole of it. */
  static final double[] SHARES = {0.25, 0.5, 0.75};

  /**
   * @param share fraction of each training fold used
   * @param trainTexts mean number of texts a fold's model was trained on
   */
  public record Point(double share, int trainTexts, double accuracy, double macroF1) {}

  /** Measures the smaller shares; {@code full} is the cross-validation already run on the whole folds. */
  public static LearningCurve of(Analyzer analyzer, List<LabelledText> data, int k, Trainer trainer, Evaluation full,
      Consumer<String> progress) {
    List<Point> points = new ArrayList<>();
    for (double share : SHARES) {
      progress.accept(String.format("learning curve: training folds cut to %.0f%%", share * 100));
      Evaluation e = Evaluation.crossValidate(analyzer, data, k, trainer, share, progress);
      points.add(point(share, data.size(), k, e));
    }
    points.add(point(1, data.size(), k, full));
    return new LearningCurve(points);
  }

  private static Point point(double share, int texts, int k, Evaluation e) {
    int train = (int) Math.round((texts - (double) texts / k) * share);
    return new Point(share, train, e.confusion().accuracy(), e.confusion().macroF1());
  }
}
