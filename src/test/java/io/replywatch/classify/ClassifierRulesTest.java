package io.replywatch.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.classify.model.TextClassifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassifierRulesTest {
  private final ClassifierRules rules = ClassifierRules.fromConfig(
      Map.of("complaint", List.of("#AcmeFail", "data breach")), Map.of("question", List.of("@BigCustomer")));

  @ParameterizedTest(name = "{0} by {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "great day #acmefail|someone|complaint",
      "was there a DATA BREACH?|someone|complaint",
      "#acmefailure is a new tag|someone|none",
      "lovely|bigcustomer|question",
      "lovely|@BigCustomer|question",
      "lovely|someone|none",
      "#acmefail|BigCustomer|question"})
  void shouldForceCategories(String text, String author, String expected) {
    Optional<Category> c = rules.apply(text, author);
    assertEquals(expected, c.map(Category::id).orElse("none"));
  }

  @Test
  void shouldRejectAnUnknownCategoryNamingTheKey() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> ClassifierRules.fromConfig(Map.of("angry", List.of("x")), Map.of()));
    assertTrue(e.getMessage().startsWith("keywords.angry"), e.getMessage());
  }

  @Test
  void shouldOverrideTheModelWithFullConfidence() {
    Classification c = TextClassifier.shipped(rules).classify("thank you, wonderful! #acmefail", "x");
    assertEquals(Category.COMPLAINT, c.category());
    assertEquals(1.0, c.confidence());
  }
}
