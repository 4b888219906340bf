package io.replywatch.classify;

import java.util.List;
import java.util.Locale;

/**
 * A first, deliberately simple classifier: keyword lists for English and Korean. It keeps the pipeline honest
 * until the trained model replaces it; it is not meant to be accurate.
 */
public final class KeywordClassifier implements Classifier {
  private static final List<String> COMPLAINT = List.of("never arrived", "broken", "worst", "terrible", "refund",
      "still waiting", "not working", "doesn't work", "cancelled", "delayed", "lost", "awful", "angry", "unacceptable",
      "rude", "fail", "crash", "charged twice", "no one", "nobody", "hours", "환불", "최악", "고장", "안돼", "안 돼",
      "짜증", "불만", "늦", "실망");
  private static final List<String> PRAISE = List.of("love", "thanks", "thank you", "great", "awesome", "amazing",
      "best", "excellent", "perfect", "감사", "최고", "좋아", "좋네");
  private static final List<String> QUESTION_WORDS = List.of("how ", "when ", "where ", "what ", "why ", "can i",
      "do you", "is there", "어떻게", "언제", "어디", "왜", "나요", "까요");

  @Override
  public Classification classify(String text, String authorHandle) {
    String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
    String language = language(t);
    boolean question = t.contains("?") || QUESTION_WORDS.stream().anyMatch(t::contains);
    long bad = COMPLAINT.stream().filter(t::contains).count();
    long good = PRAISE.stream().filter(t::contains).count();
    if (bad > 0 && bad >= good) {
      return new Classification(Category.COMPLAINT, -0.6, 0.6, language, question);
    }
    if (question) {
      return new Classification(Category.QUESTION, 0.0, 0.55, language, true);
    }
    if (good > 0) {
      return new Classification(Category.PRAISE, 0.6, 0.6, language, false);
    }
    return new Classification(Category.NEUTRAL, 0.0, t.isBlank() ? 0.1 : 0.4, language, false);
  }

  private static String language(String t) {
    boolean hangul = t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
    if (hangul) {
      return "ko";
    }
    boolean latin = t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
    return latin ? "en" : Classification.UNKNOWN_LANGUAGE;
  }
}
