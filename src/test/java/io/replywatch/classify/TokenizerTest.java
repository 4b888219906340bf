package io.replywatch.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenizerTest {
  private final Tokenizer tokenizer = new Tokenizer(Set.of(":)", "<3")::contains);

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "@AcmeSupport my order!|[@user, my, order]",
      "see https://t.co/x now|[see, <url>, now]",
      "love it :) <3|[love, it, :), <3]",
      "don't   stop,now|[don't, stop, now]",
      "#acmefail again|[acmefail, again]",
      "great 😀👍🏽|[great, 😀, 👍]",
      "'quoted'|[quoted]",
      "배송이 늦어요ㅠㅠ|[배송이, 늦어요ㅠㅠ]",
      "' '' '|[]"})
  void shouldSplitIntoWords(String text, String words) {
    assertEquals(words, tokenizer.tokenize(text).toString());
  }

  @Test
  void shouldCountPunctuationAndCapitals() {
    Tokens t = tokenizer.tokenize("@acme?! This is NOT ok!!");
    assertEquals(3, t.exclamations());
    assertEquals(1, t.questionMarks());
    assertTrue(t.capitals(3));
    assertFalse(t.capitals(1));
    assertTrue(t.mixedCase());
  }
}
