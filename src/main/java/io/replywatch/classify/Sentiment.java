package io.replywatch.classify;

/**
 * VADER-style scores of one text.
 *
 * @param compound normalised sum of valences in [-1, 1]
 * @param positive share of positive sentiment, as in VADER's {@code pos}
 * @param negative share of negative sentiment
 * @param neutral share of words without sentiment
 * @param hits how many tokens the lexicon knew
 */
public record Sentiment(double compound, double positive, double negative, double neutral, int hits) {

  public static final Sentiment NONE = new Sentiment(0, 0, 0, 1, 0);
}
