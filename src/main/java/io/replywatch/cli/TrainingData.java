package io.replywatch.cli;

import io.replywatch.classify.Category;
import io.replywatch.classify.corpus.LabelledText;
import io.replywatch.usage.UsageException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks labelled data before a model is trained on it. The trainer itself refuses data it cannot fit, but with
 * an exception meant for programmers; here the user learns which file falls short and by how much (exit 2).
 */
final class TrainingData {
  private TrainingData() {}

  /** @param source the file (or files) the data came from, for the message */
  static void requireTwoLabels(String source, List<LabelledText> data) {
    Map<Category, Long> counts = counts(data);
    if (counts.size() == 1) {
      throw new UsageException(source + ": all " + data.size() + " rows are labelled "
          + counts.keySet().iterator().next().id() + "; training needs at least two labels");
    }
  }

  /**
   * K-fold cross-validation deals each label's rows round-robin into the folds: a label with two rows or more is in
   * every training fold, one with a single row is missing from the fold that tests it. So two labels need two rows
   * each, and every fold needs a row to test.
   */
  static void requireFoldable(String source, List<LabelledText> data, int k) {
    requireTwoLabels(source, data);
    Map<Category, Long> counts = counts(data);
    if (counts.values().stream().filter(n -> n >= 2).count() < 2) {
      throw new UsageException(source + ": " + k + "-fold cross-validation needs at least 2 rows of each of two labels,"
          + " so that every training fold has two; found " + counts.entrySet().stream()
              .map(e -> e.getKey().id() + " " + e.getValue()).collect(Collectors.joining(", ")));
    }
    if (data.size() < k) {
      throw new UsageException(source + ": " + k + "-fold cross-validation needs at least " + k + " rows; found "
          + data.size());
    }
  }

  private static Map<Category, Long> counts(List<LabelledText> data) {
    return data.stream().collect(Collectors.groupingBy(LabelledText::label, () -> new EnumMap<>(Category.class),
        Collectors.counting()));
  }
}
