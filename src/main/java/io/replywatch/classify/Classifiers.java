package io.replywatch.classify;

/** The classifier the service uses when nothing else is said. */
public final class Classifiers {

  private Classifiers() {}

  public static Classifier byDefault() {
    return new KeywordClassifier();
  }
}
