package io.replywatch.classify.model;

import io.replywatch.classify.Analysis;
import io.replywatch.classify.Analyzer;
import io.replywatch.classify.Category;
import io.replywatch.classify.corpus.LabelledText;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Turns labelled texts into features and fits a model with the same analysis the classifier uses at run time.
 * Korean features are first scaled by naive Bayes ({@link NaiveBayesScale}) fitted on the Korean texts alone:
 * Korean training sets are small and the scaling is what makes them go further. English features are left as
 * they were. The question flag is an input only when the data has question labels ({@link Features} says why).
 */
public final class Training {
  private Training() {}

  public static LinearModel train(Analyzer analyzer, List<LabelledText> data, Trainer trainer,
      Consumer<String> progress) {
    List<Analysis> analyses = new ArrayList<>(data.size());
    for (LabelledText t : data) {
      analyses.add(analyzer.analyze(t.text()));
    }
    float[] scale = koreanScale(analyses, data, trainer.bits());
    boolean questionInput = data.stream().anyMatch(t -> t.label() == Category.QUESTION);
    Features features = new Features(trainer.bits(), scale, questionInput);
    List<Trainer.Example> examples = new ArrayList<>(data.size());
    for (int i = 0; i < data.size(); i++) {
      examples.add(new Trainer.Example(features.extract(analyses.get(i)), data.get(i).label()));
    }
    LinearModel model = trainer.fit(examples, progress).withQuestionInput(questionInput);
    return scale == null ? model : model.withKoreanScale(scale);
  }

  /** The naive-Bayes scale of the Korean texts' features, or null when they do not cover two categories. */
  static float[] koreanScale(List<Analysis> analyses, List<LabelledText> data, int bits) {
    Features plain = new Features(bits);
    List<SparseVector> xs = new ArrayList<>();
    List<Category> labels = new ArrayList<>();
    for (int i = 0; i < analyses.size(); i++) {
      if ("ko".equals(analyses.get(i).language())) {
        xs.add(plain.extract(analyses.get(i)));
        labels.add(data.get(i).label());
      }
    }
    List<Category> classes = new ArrayList<>(new TreeSet<>(labels));
    if (classes.size() < 2) {
      return null;
    }
    int[] y = labels.stream().mapToInt(classes::indexOf).toArray();
    return NaiveBayesScale.fit(xs, y, classes.size(), 1 << bits);
  }
}
