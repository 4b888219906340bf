package io.replywatch.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Says whether a text asks something: a question mark; in English a sentence that opens with a wh-word or an
 * auxiliary ("when", "can", "does"; not "@acme is the best", where the handle is the subject), a wh-word with an
 * auxiliary further on ("where do I find it") or a phrase that asks ("wondering if", "is it possible") or pleads
 * ("please", "need help"); in Korean a question word, an interrogative ending ("-나요", "-까요", "-습니까") or the set
 * phrase of an inquiry ("궁금합니다", "문의드립니다", "알려주세요"). Rules were chosen on our fixtures and development sets; a question flag costs an SLA
 * clock on a text the model calls neutral or praise, so each rule was checked for false flags on neutral and praise.
 */
public final class QuestionDetector {
  private static final Set<String> EN_WH = Set.of("who", "what", "when", "where", "why", "how", "which",
      "whats", "what's", "anyone", "any", "whom", "whose", "wheres", "where's", "hows", "how's");
  /**
   * Auxiliaries open a question with a subject after them ("is there", "can you"; not "is hosting"); do and does
   * whatever follows ({@link #EN_ASKING_AUX}).
   */
  private static final Set<String> EN_AUX = Set.of("can", "could", "would", "will", "is", "are", "do", "does", "did",
      "should", "may", "has", "have", "isn't", "aren't", "cant", "can't", "won't", "don't", "doesn't", "didn't");
  private static final Set<String> EN_SUBJECTS = Set.of("you", "u", "ya", "i", "we", "they", "he", "she", "it",
      "there", "this", "that", "these", "those", "my", "our", "your", "the", "a", "an", "anyone", "anybody",
      "someone", "somebody", "any", "me");
  /**
   * After a leading @handle these openers with an article make a statement about the brand ("@acme is the best",
   * "@acme has a new app"): the handle is their subject.
   */
  private static final Set<String> EN_STATIVE = Set.of("is", "are", "has", "have", "was", "were");
  private static final Set<String> EN_ARTICLES = Set.of("a", "an", "the");
  /** Openers that ask whatever follows ("does travel insurance cover skiing"), unless "not" does. */
  private static final Set<String> EN_ASKING_AUX = Set.of("do", "does");
  /** With no handle as their possible subject these ask too: "is parking free", "are trains running". */
  private static final Set<String> EN_ASKING_AUX_UNADDRESSED = Set.of("do", "does", "is", "are");
  /**
   * A wh-word and an auxiliary further on ask: "need my PUK code, where do I find it". Not who or which: mid-text
   * they open relative clauses ("the courier who does our street").
   */
  private static final Set<String> EN_WH_MID = Set.of("what", "when", "where", "why", "how");
  private static final Set<String> EN_WH_AUX = Set.of("do", "does", "did", "can", "could", "should", "would", "will");
  /**
   * An auxiliary before a personal pronoun asks anywhere in the text: a question after a statement, without a
   * question mark ("dropped my card in town, can I freeze it in the app", "moving in august, should i tell you now").
   * Not "is it" or "is that": in statements they are common ("the thing is that the app..."). On our fixtures it
   * flags 8 more questions, 4 complaints and one praise text ("who are you and where have you been").
   */
  private static final Set<String> EN_MID_AUX = Set.of("can", "could", "would", "will", "do", "does", "did",
      "should", "am", "are", "is", "may");
  private static final Set<String> EN_MID_PRONOUNS = Set.of("i", "we", "you", "u", "he", "she", "they");
  /**
   * Phrases that ask without a question mark, matched on whole words anywhere in the text, by their first word.
   * A plea asks too ("please", "i need", "dm me", "any update"): on real support tweets a request ending in
   * "help pls. thanks!" was read as praise and got no clock. In our fixtures "please" is in 251 complaints, 51
   * questions, 4 praises ("more like this please!", itself a request) and no neutral text; "i need" in 45
   * complaints, 33 questions, one praise and one neutral text.
   */
  private static final Map<String, List<String[]>> EN_ASKING_PHRASES = byFirstWord(
      "wondering if", "wondering whether", "wondering how", "wondering when", "wondering what", "to know if",
      "to know whether", "to know how", "to know when", "to know where", "to know what", "quick q", "quick question",
      "any idea", "anyone know", "anybody know", "does anyone", "can anyone", "is it possible", "is there a way",
      "is there any way", "can you", "can u", "could you", "how much is", "how much are", "how much does",
      "how much do", "how long does", "how long do", "how long will", "how long is", "how many",
      "please", "pls", "plz", "i need", "need help", "need your help", "need some help", "someone help",
      "somebody help", "can someone", "could someone", "hope someone", "dm me", "any update", "any updates");
  /** Greetings before the question ("hi @acme, is the store open"): the opener is the word after them. */
  private static final Set<String> EN_GREETINGS = Set.of("hi", "hello", "hey", "hiya", "heya", "morning", "evening",
      "afternoon", "dear", "team", "folks", "guys", "all", "please", "pls", "plz");
  private static final Set<String> EN_HELLO = Set.of("hi", "hello", "hey");
  private static final Set<String> EN_DAYTIME = Set.of("morning", "afternoon", "evening");
  private static final Set<String> KO_WORDS = Set.of("왜", "어떻게", "언제", "어디", "어디서", "어디에", "누가", "누구",
      "뭐", "무엇", "무슨", "몇", "어느", "얼마", "얼마나", "며칠");
  /** Endings that ask on the last word with Hangul in it (trailing ㅋㅋ, ㅎㅎ or emoji do not end the sentence). */
  private static final String[] KO_ENDINGS = {"나요", "까요", "가요", "습니까", "ㅂ니까", "는지요", "을까", "ㄹ까", "는가",
      "인가", "냐", "니", "는지", "는데요", "죠", "나용", "까용"};
  /**
   * Endings that ask on any word: Korean posts often run on after the question ("부분 취소 되나요 세 개 중에 하나만").
   * Only the unmistakable ones; "-가요" or "-니" mid-text are as often other words.
   */
  private static final String[] KO_ENDINGS_ANYWHERE = {"나요", "까요", "습니까", "는지요"};
  /**
   * Question words glued to their copula ("얼마예요", "뭐예요", "언제까지예요") and the set phrases of an inquiry
   * ("궁금합니다", "문의드립니다", "알려주세요"), matched at the start of a word: they ask without a question mark.
   */
  private static final String[] KO_ASKING_STARTS = {"얼마예", "얼마에요", "얼마인", "얼마죠", "얼만가", "얼마야", "뭐예요",
      "뭐에요", "뭔가요", "뭔지", "뭐죠", "언제까지", "언제쯤", "언제예", "언제인", "어디예", "어디에요", "어디인", "어디죠",
      "몇시", "몇일", "궁금", "문의드", "문의합니다", "문의해요", "문의요", "알려주세요", "알려주실", "여쭤", "여쭙"};

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
    return english(t, first);
  }

  private static boolean english(Tokens t, int first) {
    int n = t.size();
    for (int i = first; i < n; i++) {
      if (i > first && i + 1 < n && midTextAsks(t.word(i), t.word(i + 1)) || phraseAt(t, i)) {
        return true;
      }
    }
    String last = t.word(n - 1);
    if (n - first >= 2 && (last.equals("when") || last.equals("where"))) {
      return true; // "season 3 when"
    }
    if (n - first < 3) {
      return false;
    }
    // A handle that opens the text may be the subject ("@acme is the best"); after a greeting it is only whom the
    // text addresses ("hi @acme is the store open"), and the greeting is not the opener.
    boolean handleSubject = first > 0;
    int open = first;
    while (open + 2 < n && (greeting(t, open) || t.word(open).equals(Tokenizer.USER))) {
      handleSubject &= !greeting(t, open);
      open++;
    }
    String opener = t.word(open);
    String second = t.word(open + 1);
    if (EN_WH.contains(opener)) {
      return true;
    }
    if (!EN_AUX.contains(opener) || handleSubject && EN_STATIVE.contains(opener) && EN_ARTICLES.contains(second)) {
      return false;
    }
    if (EN_SUBJECTS.contains(second) || second.equals(Tokenizer.USER)) {
      return true;
    }
    Set<String> asking = handleSubject ? EN_ASKING_AUX : EN_ASKING_AUX_UNADDRESSED;
    return asking.contains(opener) && !second.equals("not");
  }

  /** A wh-word before an auxiliary ("where do"), or an auxiliary before a personal pronoun ("can i"). */
  private static boolean midTextAsks(String w, String next) {
    return EN_WH_MID.contains(w) && EN_WH_AUX.contains(next)
        || EN_MID_AUX.contains(w) && EN_MID_PRONOUNS.contains(next);
  }

  private static boolean phraseAt(Tokens t, int i) {
    List<String[]> phrases = EN_ASKING_PHRASES.get(t.word(i));
    if (phrases == null) {
      return false;
    }
    for (String[] phrase : phrases) {
      int k = 1;
      while (k < phrase.length && i + k < t.size() && t.word(i + k).equals(phrase[k])) {
        k++;
      }
      if (k == phrase.length) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, List<String[]>> byFirstWord(String... phrases) {
    Map<String, List<String[]>> out = new HashMap<>();
    for (String p : phrases) {
      String[] words = p.split(" ");
      out.computeIfAbsent(words[0], w -> new ArrayList<>()).add(words);
    }
    return out;
  }

  /** A greeting word, "there" after hi/hello/hey, or "good" before morning/afternoon/evening. */
  private static boolean greeting(Tokens t, int i) {
    String w = t.word(i);
    if (EN_GREETINGS.contains(w)) {
      return true;
    }
    if (w.equals("there")) {
      return i > 0 && EN_HELLO.contains(t.word(i - 1));
    }
    return w.equals("good") && i + 1 < t.size() && EN_DAYTIME.contains(t.word(i + 1));
  }

  private static boolean korean(Tokens t, int first) {
    int last = -1;
    for (int i = first; i < t.size(); i++) {
      String w = t.word(i);
      boolean ago = w.equals("얼마") && i + 1 < t.size() && t.word(i + 1).startsWith("전"); // 얼마 전: a while ago
      if (KO_WORDS.contains(w) && !ago || endsWithAny(w, KO_ENDINGS_ANYWHERE) || startsWithAny(w, KO_ASKING_STARTS)) {
        return true;
      }
      last = hasSyllable(w) ? i : last;
    }
    return last >= 0 && endsWithAny(t.word(last), KO_ENDINGS);
  }

  private static boolean endsWithAny(String w, String[] endings) {
    for (String ending : endings) {
      if (w.length() > ending.length() && w.endsWith(ending)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithAny(String w, String[] starts) {
    for (String start : starts) {
      if (w.startsWith(start)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the word has a Hangul syllable: ㅋㅋ, ㅠㅠ (jamo) and emoji after a question do not end it. */
  private static boolean hasSyllable(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (Script.isHangulSyllable(w.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
