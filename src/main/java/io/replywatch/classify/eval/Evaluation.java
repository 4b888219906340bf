package io.replywatch.classify.eval;

import io.replywatch.classify.Analyzer;
import io.replywatch.classify.Category;
import io.replywatch.classify.Classifier;
import io.replywatch.classify.ClassifierRules;
import io.replywatch.classify.corpus.LabelledText;
import io.replywatch.classify.model.LinearModel;
import io.replywatch.classify.model.TextClassifier;
import io.replywatch.classify.model.Trainer;
import io.replywatch.classify.model.Training;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Scores a classifier on labelled texts: a confusion matrix and the throughput of the classifying pass (timed
 * after one warm-up pass, single thread).
 *
 * @param confusion label against prediction
 * @param mentionsPerSecond texts classified per second on one thread
 */
public record Evaluation(Confusion confusion, double mentionsPerSecond) {

  public static Evaluation of(Classifier classifier, List<LabelledText> data) {
    Category[] predicted = new Category[data.size()];
    for (int i = 0; i < data.size(); i++) {
      predicted[i] = classifier.classify(data.get(i).text(), "").category();
    }
    long start = System.nanoTime();
    for (int i = 0; i < data.size(); i++) {
      predicted[i] = classifier.classify(data.get(i).text(), "").category();
    }
    double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    Confusion confusion = new Confusion();
    for (int i = 0; i < data.size(); i++) {
      confusion.add(data.get(i).label(), predicted[i]);
    }
    return new Evaluation(confusion, data.size() / seconds);
  }

  /** Stratified k-fold cross-validation: trains the same model type on k-1 folds, tests on the held-out one. */
  public static Evaluation crossValidate(Analyzer analyzer, List<LabelledText> data, int k, Trainer trainer,
      Consumer<String> progress) {
    return crossValidate(analyzer, data, k, trainer, 1, progress);
  }

  /** The same, with each training fold cut to {@code share} of its texts ({@link Folds#subsample}). */
  public static Evaluation crossValidate(Analyzer analyzer, List<LabelledText> data, int k, Trainer trainer,
      double share, Consumer<String> progress) {
    int[] fold = Folds.assign(data, k, Folds.SEED);
    Confusion total = new Confusion();
    double seconds = 0;
    for (int f = 0; f < k; f++) {
      List<LabelledText> train = new ArrayList<>();
      List<LabelledText> test = new ArrayList<>();
      for (int i = 0; i < data.size(); i++) {
        (fold[i] == f ? test : train).add(data.get(i));
      }
      train = share < 1 ? Folds.subsample(train, share, Folds.SEED + f) : train;
      progress.accept(String.format("fold %d/%d: training on %d texts, testing on %d", f + 1, k, train.size(),
          test.size()));
      LinearModel model = Training.train(analyzer, train, trainer, s -> { });
      Evaluation e = of(new TextClassifier(analyzer, model, ClassifierRules.NONE), test);
      total.addAll(e.confusion());
      seconds += test.size() / e.mentionsPerSecond();
      progress.accept(String.format("fold %d/%d: accuracy %.4f", f + 1, k, e.confusion().accuracy()));
    }
    return new Evaluation(total, data.size() / seconds);
  }
}
