package io.replywatch.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionDetectorTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "is my order shipped?|true",
      "@acme when does the store open|true",
      "how do I reset my password|true",
      "I don't know why it is late|false",
      "my order is late|false",
      "when?|true",
      "how much|false",
      "환불은 언제 되나요|true",
      "교환 가능한가요|true",
      "배송이 늦어요|false",
      "왜 이렇게 늦어요|true",
      "@acme is hosting a meetup in Berlin next week|false",
      "@acme will open a store downtown|false",
      "can't believe my order is this late|false",
      "@acme is there a store in Berlin|true",
      "@acme can you help me with a refund|true",
      "do you ship to Canada|true",
      "has my package shipped yet|true"})
  void shouldDetectQuestions(String text, boolean question) {
    assertEquals(question, Analyzer.shipped().analyze(text).question());
  }
}
