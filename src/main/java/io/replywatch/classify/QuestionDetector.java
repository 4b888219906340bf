package io.replywatch.classify;

import java.util.Set;

/**
 * Says whether a text asks something: a question mark, an English sentence that opens with a wh-word or an
 * auxiliary ("when", "can", "does"), or a Korean question word or interrogative ending ("-나요", "-까요", "-습니까").
 */
public final class QuestionDetector {
  private static final Set<String> EN_WH = Set.of("who", "what", "when", "where", "why", "how", "which",
      "whats", "what's", "anyone", "any", "whom", "whose", "wheres", "where's", "hows", "how's");
  /** Auxiliaries open a question only with a subject after them: "is there", "can you" — not "is hosting". */
  private static final Set<String> EN_AUX = Set.of("can", "could", "would", "will", "is", "are", "do", "does", "did",
      "should", "may", "has", "have", "isn't", "aren't", "cant", "can't", "won't", "don't", "doesn't", "didn't");
  private static final Set<String> EN_SUBJECTS = Set.of("you", "u", "ya", "i", "we", "they", "he", "she", "it",
      "there", "this", "that", "these", "those", "my", "our", "your", "the", "a", "an", "anyone", "anybody",
      "someone", "somebody", "any", "me");
  private static final Set<String> KO_WORDS = Set.of("왜", "어떻게", "언제", "어디", "어디서", "어디에", "누가", "누구",
      "뭐", "무엇", "무슨", "몇", "어느", "얼마", "얼마나");
  private static final String[] KO_ENDINGS = {"나요", "까요", "가요", "습니까", "ㅂ니까", "는지요", "을까", "ㄹ까", "는가",
      "인가", "냐", "니", "는지", "는데요", "죠"};

  private QuestionDetector() {}

  public static boolean isQuestion(Tokens t, String language) {
    if (t.questionMarks() > 0) {
      return true;
    }
    int first = 0;
    while (first < t.size() && t.word(first).equals(Tokenizer.USER)) {
      first++;
    }
    if (first >= t.size()) {
      return false;
    }
    if ("ko".equals(language)) {
      return korean(t, first);
    }
    if (t.size() - first < 3) {
      return false;
    }
    String opener = t.word(first);
    return EN_WH.contains(opener) || EN_AUX.contains(opener) && (EN_SUBJECTS.contains(t.word(first + 1))
        || t.word(first + 1).equals(Tokenizer.USER));
  }

  private static boolean korean(Tokens t, int first) {
    for (int i = first; i < t.size(); i++) {
      if (KO_WORDS.contains(t.word(i))) {
        return true;
      }
    }
    String last = t.word(t.size() - 1);
    for (String ending : KO_ENDINGS) {
      if (last.length() > ending.length() && last.endsWith(ending)) {
        return true;
      }
    }
    return false;
  }
}
