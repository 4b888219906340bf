package io.replywatch.classify;

/**
 * The classifier's verdict on one text (product.md §2).
 *
 * @param category complaint wins over question when both apply
 * @param polarity sentiment in [-1, 1]
 * @param confidence in [0, 1]; low for empty, emoji-only or unknown-language text, Latin-script text in a language
 *     other than English, and text of nothing but handles and links
 * @param language ISO 639-1 code, or {@code und} when unknown
 * @param question whether the text asks something, whatever the category
 */
public record Classification(
    Category category, double polarity, double confidence, String language, boolean question) {

  public static final String UNKNOWN_LANGUAGE = "und";
}
