package io.replywatch.classify.model;

import io.replywatch.classify.Analyzer;
import io.replywatch.classify.corpus.LabelledText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Turns labelled texts into features and fits a model with the same analysis the classifier uses at run time. */
public final class Training {
  private Training() {}

  public static LinearModel train(Analyzer analyzer, List<LabelledText> data, Trainer trainer,
      Consumer<String> progress) {
    Features features = new Features(trainer.bits());
    List<Trainer.Example> examples = new ArrayList<>(data.size());
    for (LabelledText t : data) {
      examples.add(new Trainer.Example(features.extract(analyzer.analyze(t.text())), t.label()));
    }
    return trainer.fit(examples, progress);
  }
}
