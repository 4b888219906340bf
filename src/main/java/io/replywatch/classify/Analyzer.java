package io.replywatch.classify;

/**
 * Cleans, tokenizes, routes by script and scores one text (VADER for English, our Korean lexicon for Korean);
 * shared by the classifier, training and the bench.
 */
public final class Analyzer {
  private final VaderScorer vader;
  private final KoreanLexicon korean;
  private final Tokenizer tokenizer;

  /** The analyzer with the given English scorer and the shipped Korean lexicon. */
  public Analyzer(VaderScorer vader) {
    this(vader, KoreanLexicon.shipped());
  }

  public Analyzer(VaderScorer vader, KoreanLexicon korean) {
    this.vader = vader;
    this.korean = korean;
    this.tokenizer = new Tokenizer(vader::knows);
  }

  /** The analyzer over the lexicons shipped in the jar, loaded once. */
  public static Analyzer shipped() {
    return Holder.SHIPPED;
  }

  public Tokens tokenize(String text) {
    return tokenizer.tokenize(TextPrep.clean(text));
  }

  public Analysis analyze(String text) {
    String clean = TextPrep.clean(text);
    Tokens tokens = tokenizer.tokenize(clean);
    String language = Script.count(clean).language();
    Sentiment sentiment = "ko".equals(language) ? korean.score(clean) : vader.score(tokens);
    return new Analysis(clean, tokens, language, sentiment, QuestionDetector.isQuestion(tokens, language));
  }

  public VaderScorer vader() {
    return vader;
  }

  private static final class Holder {
    static final Analyzer SHIPPED = new Analyzer(VaderScorer.shipped());
  }
}
