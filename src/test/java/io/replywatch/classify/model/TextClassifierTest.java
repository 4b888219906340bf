package io.replywatch.classify.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.classify.Analyzer;
import io.replywatch.classify.Category;
import io.replywatch.classify.Classification;
import io.replywatch.classify.Classifier;
import io.replywatch.classify.ClassifierRules;
import io.replywatch.classify.TextPrep;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped default model on obvious texts written for this test, and on hostile input. */
class TextClassifierTest {
  private static final Classifier CLASSIFIER = TextClassifier.shipped(ClassifierRules.NONE);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "@acme my parcel never arrived and nobody answers my emails, awful|complaint|en",
      "@acme this is the worst service I have ever had|complaint|en",
      "@acme thank you so much, the team was wonderful!|praise|en",
      "@acme how do I change the address on my account?|question|en",
      "@acme why is my refund still not here after a month?? ridiculous|complaint|en",
      "주문한 지 2주째인데 아직도 배송이 안 와요 최악이네요|complaint|ko",
      "친절하게 도와주셔서 정말 감사합니다 최고예요|praise|ko",
      "매장 영업시간이 어떻게 되나요?|question|ko"})
  void shouldClassifyObviousTexts(String text, String category, String language) {
    Classification c = CLASSIFIER.classify(text, "someone");
    assertEquals(category, c.category().id(), text + " -> " + c);
    assertEquals(language, c.language());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "@acme my bag is broken, can you replace it?|complaint|true",
      "@acme terrible, why is nobody answering??|complaint|true",
      // thanks and a question: the question still needs an answer, so it gets a clock
      "@acme thanks! and is shipping free over $50?|question|true",
      // a plea with thanks is a request, not praise (the model alone calls both praise)
      "@acme I rebuilt my computer and need your help signing in again. Thank you!|question|true",
      "@acme my progress got reset after the heist, help pls. love the game|question|true",
      "@acme love the new app, checkout is so fast now thanks!|praise|false"})
  void shouldLetComplaintWinOverQuestionAndQuestionOverPraise(String text, String category, boolean question) {
    Classification c = CLASSIFIER.classify(text, "");
    assertEquals(category, c.category().id(), c.toString());
    assertEquals(question, c.question());
  }

  static Stream<String> hostile() {
    return Stream.of(null, "", "   ", "\u0000\u0001\u001b[31m", "😀😀😀", "🙂", "x".repeat(100_000),
        "Привет как дела", "混合 text 배송 😀 \u202e", "\uD83D", "@@@@ ### !!! ???", "a".repeat(6000) + " terrible");
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void shouldNeverFailAndStayInRange(String text) {
    Classification c = CLASSIFIER.classify(text, null);
    assertTrue(c.polarity() >= -1 && c.polarity() <= 1, c.toString());
    assertTrue(c.confidence() >= 0 && c.confidence() <= 1, c.toString());
  }

  static Stream<String> unknownLanguage() {
    return Stream.of("", "   ", "😀😀😀", "\u0000\u0000", "12345", "ꦲꦏ꧀ꦱꦫ");
  }

  /** Other scripts get their language named; the model knows none of them, so the confidence stays low. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "@acme 注文した商品がまだ届きません|ja", "Привет, заказ так и не пришёл|ru", "@acme ההזמנה שלי לא הגיעה|he"})
  void shouldNameTheLanguageOfAnotherScriptWithLowConfidence(String text, String language) {
    Classification c = CLASSIFIER.classify(text, "");
    assertEquals(language, c.language());
    assertTrue(c.confidence() <= TextClassifier.UNKNOWN_LANGUAGE_FACTOR, c.toString());
  }

  @ParameterizedTest
  @MethodSource("unknownLanguage")
  void shouldGiveLowConfidenceWhenTheLanguageIsUnknown(String text) {
    Classification c = CLASSIFIER.classify(text, "");
    assertEquals(Classification.UNKNOWN_LANGUAGE, c.language());
    assertTrue(c.confidence() <= TextClassifier.UNKNOWN_LANGUAGE_FACTOR, c.toString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "merci beaucoup pour votre aide rapide|fr",
      "@acme el pedido llegó roto y nadie contesta|es",
      "@acme nada de nada|und"})
  void shouldGiveLowConfidenceToLatinScriptTextInAnotherLanguage(String text, String language) {
    // the model reads every Latin-script text as English; on French it is guessing
    Classification c = CLASSIFIER.classify(text, "");
    assertEquals(language, c.language());
    assertTrue(c.confidence() <= TextClassifier.UNKNOWN_LANGUAGE_FACTOR, c.toString());
  }

  @ParameterizedTest
  @CsvSource({"@acme", "@acme https://t.co/abc", "@acme @acmehelp www.acme.com", "@acme ?"})
  void shouldGiveLowConfidenceToTextWithOnlyHandlesAndLinks(String text) {
    Classification c = CLASSIFIER.classify(text, "");
    assertEquals(Classification.UNKNOWN_LANGUAGE, c.language(), "a handle is in no language");
    assertTrue(c.confidence() > 0 && c.confidence() <= TextClassifier.UNKNOWN_LANGUAGE_FACTOR, c.toString());
  }

  @org.junit.jupiter.api.Test
  void shouldKeepFullConfidenceOnAForcedCategoryInAnotherLanguage() {
    Classifier ruled = TextClassifier.shipped(ClassifierRules.fromConfig(
        java.util.Map.of("complaint", java.util.List.of("#acmefail")), java.util.Map.of()));
    Classification c = ruled.classify("merci beaucoup pour votre aide #acmefail", "");
    assertEquals(Category.COMPLAINT, c.category());
    assertEquals(1.0, c.confidence());
    assertEquals("fr", c.language());
  }

  @ParameterizedTest
  @CsvSource({"x", "terrible ", "thank you "})
  void shouldGiveLowConfidenceWhenTheTextWasCut(String unit) {
    Classification c = CLASSIFIER.classify(unit.repeat(TextPrep.MAX_CHARS + 1), "");
    assertTrue(c.confidence() <= TextClassifier.UNKNOWN_LANGUAGE_FACTOR, c.toString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"love love love 😍|1", "I hate this, awful|-1"})
  void shouldSignPolarity(String text, int sign) {
    assertEquals(sign, (int) Math.signum(CLASSIFIER.classify(text, "").polarity()));
  }

  @org.junit.jupiter.api.Test
  void shouldLeaveASentimentOnlyModelsAnswerWhenTheTextAsks() {
    java.util.List<io.replywatch.classify.corpus.LabelledText> data = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      data.add(new io.replywatch.classify.corpus.LabelledText("great, love it, wonderful " + i, Category.PRAISE));
      data.add(new io.replywatch.classify.corpus.LabelledText("awful, broken, terrible " + i, Category.COMPLAINT));
    }
    var model = io.replywatch.classify.model.Training.train(Analyzer.shipped(), data,
        io.replywatch.classify.model.Trainer.DEFAULT, s -> { });
    Classification c = new TextClassifier(Analyzer.shipped(), model, ClassifierRules.NONE)
        .classify("love it, isn't it wonderful?", "");
    assertEquals(Category.PRAISE, c.category(), "a complaint/praise model is a sentiment model: " + c);
    assertTrue(c.question());
  }
}
