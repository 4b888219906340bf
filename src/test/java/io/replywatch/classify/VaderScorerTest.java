package io.replywatch.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VaderScorerTest {
  private static final Analyzer ANALYZER = Analyzer.shipped();

  private static double compound(String text) {
    return ANALYZER.vader().score(ANALYZER.tokenize(text)).compound();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "The service was good|1",
      "The service was terrible|-1",
      "The service was not good|-1",
      "I love it :)|1",
      "worst day 😡|-1",
      "The bus is at noon|0"})
  void shouldScoreSign(String text, int sign) {
    assertEquals(sign, (int) Math.signum(compound(text)), text + " scored " + compound(text));
  }

  @Test
  void shouldAmplifyWithBoostersCapitalsAndExclamations() {
    double plain = compound("The service was good");
    assertTrue(compound("The service was very good") > plain);
    assertTrue(compound("The service was GOOD") > plain);
    assertTrue(compound("The service was good!!!") > plain);
  }

  @Test
  void shouldWeightTheClauseAfterBut() {
    assertTrue(compound("The food was good but the service was horrible") < 0);
  }

  @Test
  void shouldStayInRangeOnLongText() {
    double c = compound("great ".repeat(2000));
    assertTrue(c <= 1 && c > 0.99);
  }
}
