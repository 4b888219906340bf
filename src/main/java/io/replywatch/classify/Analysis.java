package io.replywatch.classify;

/**
 * Everything the classifier derives from one cleaned text before the model looks at it.
 *
 * @param text the cleaned text (control characters removed, cut at 5,000 characters)
 * @param tokens the text's words
 * @param language {@code en}, {@code ko} or {@code und} by script ({@link Script}): the features it routes to
 * @param sentiment the VADER-style lexicon scores
 * @param question whether the text asks something
 */
public record Analysis(String text, Tokens tokens, String language, Sentiment sentiment, boolean question) {}
