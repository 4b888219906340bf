package io.replywatch.classify;

/** The classifier the service uses when nothing else is said: the shipped model, no rules. */
public final class Classifiers {

  private Classifiers() {}

  public static Classifier byDefault() {
    return TextClassifier.shipped(ClassifierRules.NONE);
  }
}
