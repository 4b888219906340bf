package io.replywatch.classify.model;

import io.replywatch.classify.Classifier;
import io.replywatch.classify.ClassifierRules;

/** The classifiers the commands use: the shipped model, with the configured rules or none. */
public final class Classifiers {

  private Classifiers() {}

  public static Classifier byDefault() {
    return withRules(ClassifierRules.NONE);
  }

  /** The shipped model after {@code rules} (config {@code classifier}). */
  public static Classifier withRules(ClassifierRules rules) {
    return TextClassifier.shipped(rules);
  }
}
