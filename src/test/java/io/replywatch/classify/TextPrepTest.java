package io.replywatch.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextPrepTest {

  @Test
  void shouldTreatNullAsEmpty() {
    assertEquals("", TextPrep.clean(null));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"a|b|a b", "line|break|line break", "tab|here|tab here"})
  void shouldReplaceControlCharactersWithSpaces(String left, String right, String out) {
    for (char c : new char[] {'\u0000', '\n', '\r', '\t', '\u001b', '\u0085', '\u2028'}) {
      assertEquals(out, TextPrep.clean(left + c + right));
    }
  }

  @Test
  void shouldCutHugeTextAtTheDocumentedLength() {
    assertEquals(TextPrep.MAX_CHARS, TextPrep.clean("x".repeat(1_000_000)).length());
  }

  @Test
  void shouldNeverCutInsideASurrogatePair() {
    String text = "x".repeat(TextPrep.MAX_CHARS - 1) + "😀😀";
    String cut = TextPrep.clean(text);
    assertEquals(TextPrep.MAX_CHARS - 1, cut.length());
    assertFalse(Character.isHighSurrogate(cut.charAt(cut.length() - 1)));
  }
}
