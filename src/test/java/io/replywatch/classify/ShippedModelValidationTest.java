package io.replywatch.classify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.classify.corpus.Corpora;
import io.replywatch.classify.eval.Confusion;
import io.replywatch.classify.eval.Evaluation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shipped model on validation.csv: brand mentions written for this project and never trained on (it chose the
 * fixture weight before fixtures-generated.csv existed). Guards against a retrained model that silently loses the customer-care domain.
 */
class ShippedModelValidationTest {

  @Test
  void shouldKeepItsFiguresOnTheHeldOutMentions() throws Exception {
    var data = Corpora.labelledCsv(Path.of("src/test/resources/classify/validation.csv"));
    Confusion c = Evaluation.of(TextClassifier.shipped(ClassifierRules.NONE), data).confusion();
    String figures = "accuracy " + c.accuracy() + ", complaint P " + c.precision(Category.COMPLAINT) + " R "
        + c.recall(Category.COMPLAINT);
    assertTrue(c.accuracy() >= 0.88, figures);
    assertTrue(c.precision(Category.COMPLAINT) >= 0.9, figures);
    assertTrue(c.recall(Category.COMPLAINT) >= 0.8, figures);
  }

  /** fixtures-dev.csv: the held-out fifth of our fixture templates (never trained on; chose the fixture weight). */
  @Test
  void shouldKeepItsFiguresOnTheHeldOutFixtureTemplates() throws Exception {
    var data = Corpora.labelledCsv(Path.of("src/test/resources/classify/fixtures-dev.csv"));
    Confusion c = Evaluation.of(TextClassifier.shipped(ClassifierRules.NONE), data).confusion();
    String figures = "accuracy " + c.accuracy() + ", complaint P " + c.precision(Category.COMPLAINT) + " R "
        + c.recall(Category.COMPLAINT);
    assertTrue(c.accuracy() >= 0.93, figures);
    assertTrue(c.precision(Category.COMPLAINT) >= 0.95, figures);
    assertTrue(c.recall(Category.COMPLAINT) >= 0.9, figures);
  }

  /** handwritten-dev.csv: every fifth of our later hand-written fixtures, held out (never trained on). */
  @Test
  void shouldKeepItsFiguresOnTheHeldOutHandWrittenMentions() throws Exception {
    var data = Corpora.labelledCsv(Path.of("src/test/resources/classify/handwritten-dev.csv"));
    Confusion c = Evaluation.of(TextClassifier.shipped(ClassifierRules.NONE), data).confusion();
    String figures = "accuracy " + c.accuracy() + ", complaint P " + c.precision(Category.COMPLAINT) + " R "
        + c.recall(Category.COMPLAINT);
    assertTrue(c.accuracy() >= 0.75, figures);
    assertTrue(c.precision(Category.COMPLAINT) >= 0.9, figures);
    assertTrue(c.recall(Category.COMPLAINT) >= 0.75, figures);
  }
}
