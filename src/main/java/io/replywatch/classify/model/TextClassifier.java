package io.replywatch.classify.model;

import io.replywatch.classify.Analysis;
import io.replywatch.classify.Analyzer;
import io.replywatch.classify.Category;
import io.replywatch.classify.Classification;
import io.replywatch.classify.Classifier;
import io.replywatch.classify.ClassifierRules;
import io.replywatch.classify.LatinLanguage;
import io.replywatch.classify.OtherScript;
import io.replywatch.classify.Sentiment;
import io.replywatch.classify.TextPrep;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The classifier of product.md §2: rules first, then the linear model over lexicon scores and hashed n-grams.
 * Complaint wins over question: a text the model calls a complaint stays one even when it asks something, and a
 * model with a neutral class but no question class (such as the shipped one) turns a neutral or praising text that
 * asks into a question. Pure and thread-safe; never throws.
 */
public final class TextClassifier implements Classifier {
  /** Where the shipped default model lives in the jar. */
  public static final String MODEL_RESOURCE = "/classify/model.bin";
  /**
   * Confidence is scaled by this where the model is guessing: text in a language it was not trained on (no script it
   * knows, such as emoji only or Cyrillic; or a Latin-script language other than English, such as French), text
   * cut at {@link TextPrep#MAX_CHARS}, and text with no words besides handles and links ("@acme https://t.co/x"),
   * which is in no language: {@link Script} leaves handles and links out, so such a text is {@code und}.
   */
  static final double UNKNOWN_LANGUAGE_FACTOR = 0.4;

  private final Analyzer analyzer;
  private final LinearModel model;
  private final Features features;
  private final ClassifierRules rules;
  private final List<Category> classes;
  private final boolean guessLanguage;

  public TextClassifier(Analyzer analyzer, LinearModel model, ClassifierRules rules) {
    this(analyzer, model, rules, true);
  }

  /**
   * @param guessLanguage false reports the language the features were routed by: every Latin-script text as
   *     English and other scripts as {@code und}, as before {@link LatinLanguage} and {@link OtherScript} (tests)
   */
  TextClassifier(Analyzer analyzer, LinearModel model, ClassifierRules rules, boolean guessLanguage) {
    this.analyzer = analyzer;
    this.model = model;
    this.features = Features.of(model);
    this.rules = rules;
    this.classes = model.classes();
    this.guessLanguage = guessLanguage;
  }

  /** The shipped default model with the given rules. */
  public static TextClassifier shipped(ClassifierRules rules) {
    return new TextClassifier(Analyzer.shipped(), ShippedModel.MODEL, rules);
  }

  public LinearModel model() {
    return model;
  }

  @Override
  public Classification classify(String text, String authorHandle) {
    try {
      return decide(analyzer.analyze(text), text, authorHandle);
    } catch (RuntimeException e) {
      return new Classification(Category.NEUTRAL, 0, 0, Classification.UNKNOWN_LANGUAGE, false);
    }
  }

  /**
   * How far complaint is ahead of the best other class, in log-odds (the model's own complaint offset included):
   * {@link #classify} calls the text a complaint exactly when this is at least 0, rules aside. It shows what another
   * complaint offset would do. Minus infinity when the model has no complaint class or the text has no words.
   */
  public double complaintMargin(String text) {
    int c = classes.indexOf(Category.COMPLAINT);
    try {
      Analysis a = analyzer.analyze(text);
      if (c < 0 || a.tokens().size() == 0) {
        return Double.NEGATIVE_INFINITY;
      }
      double[] p = model.probabilities(features.extract(a));
      double other = 0;
      for (int j = 0; j < p.length; j++) {
        other = j == c ? other : Math.max(other, p[j]);
      }
      return Math.log(p[c]) - Math.log(other);
    } catch (RuntimeException e) {
      return Double.NEGATIVE_INFINITY;
    }
  }

  private Classification decide(Analysis a, String text, String authorHandle) {
    var forced = rules.apply(text, authorHandle);
    if (a.tokens().size() == 0) {
      return new Classification(forced.orElse(Category.NEUTRAL), 0, forced.isPresent() ? 1 : 0,
          a.language(), false);
    }
    double[] p = model.probabilities(features.extract(a));
    int best = 0;
    for (int j = 1; j < p.length; j++) {
      if (p[j] > p[best]) {
        best = j;
      }
    }
    Category category = classes.get(best);
    // A text that asks something needs an answer, thanks or not ("thanks! and is shipping free over $50?"): unless
    // it is a complaint, it is a question, so it gets a clock. A rhetorical question costs an agent a glance. This
    // is for models of the shipped kind (a neutral class, no question class); a model trained with a question class
    // decides for itself, and one trained with only complaint and praise (reviews rated good or bad) is a sentiment
    // model whose answer stands.
    if (a.question() && (category == Category.NEUTRAL || category == Category.PRAISE)
        && classes.contains(Category.NEUTRAL) && !classes.contains(Category.QUESTION)) {
      category = Category.QUESTION;
    }
    double polarity = polarity(p, a.sentiment());
    boolean question = a.question() || category == Category.QUESTION;
    String language = language(a);
    if (forced.isPresent()) {
      return new Classification(forced.get(), polarity, 1, language, question);
    }
    double confidence = p[best];
    boolean known = "en".equals(language) || "ko".equals(language);
    if (!known || (text != null && text.length() > TextPrep.MAX_CHARS)) {
      confidence *= UNKNOWN_LANGUAGE_FACTOR;
    }
    return new Classification(category, polarity, confidence, language, question);
  }

  /**
   * The language to report. Features are routed by script alone (the analysis calls every Latin-script text
   * English, so the model sees what it was trained on); the report then names a Latin-script text's own language
   * when its words say it is not English, and a text in another script by that script ({@link OtherScript}).
   */
  private String language(Analysis a) {
    if (!guessLanguage) {
      return a.language();
    }
    return switch (a.language()) {
      case "en" -> LatinLanguage.guess(a.tokens());
      case Classification.UNKNOWN_LANGUAGE -> OtherScript.guess(a.text());
      default -> a.language();
    };
  }

  private double polarity(double[] p, Sentiment s) {
    int praise = classes.indexOf(Category.PRAISE);
    int complaint = classes.indexOf(Category.COMPLAINT);
    double model = (praise < 0 ? 0 : p[praise]) - (complaint < 0 ? 0 : p[complaint]);
    double v = s.hits() == 0 ? model : (model + s.compound()) / 2;
    return Math.max(-1, Math.min(1, v));
  }

  /** Loads the default model resource once, on first use. */
  private static final class ShippedModel {
    static final LinearModel MODEL = load();

    private static LinearModel load() {
      try (InputStream in = TextClassifier.class.getResourceAsStream(MODEL_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(MODEL_RESOURCE + " is missing: build it with 'replywatch train'");
        }
        return LinearModel.read(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + MODEL_RESOURCE, e);
      }
    }
  }
}
