package io.replywatch.classify.model;

import io.replywatch.classify.Classifier;
import io.replywatch.classify.ClassifierRules;

/** The classifier the service uses when nothing else is said: the shipped model, no rules. */
public final class Classifiers {

  private Classifiers() {}

  public static Classifier byDefault() {
    return TextClassifier.shipped(ClassifierRules.NONE);
  }
}
