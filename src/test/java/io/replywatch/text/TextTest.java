package io.replywatch.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;
import java.util.stream.Stream;

class TextTest {

  static Stream<Arguments> cuts() {
    return Stream.of(
        Arguments.of("short", 10, "short"),
        Arguments.of("exactly10!", 10, "exactly10!"),
        Arguments.of("abcdefghijk", 5, "abcd\u2026"),
        // an emoji is two chars: cutting between its halves would leave a lone surrogate
        Arguments.of("abc\uD83D\uDE00def", 5, "abc\u2026"),
        Arguments.of("ab\uD83D\uDE00def", 5, "ab\uD83D\uDE00\u2026"),
        Arguments.of("abcdef", 1, "\u2026"),
        Arguments.of(null, 3, ""));
  }

  @ParameterizedTest
  @MethodSource("cuts")
  void shouldCutOnCodePointBoundaryWithEllipsis(String in, int max, String expected) {
    String out = Text.cut(in, max);
    assertEquals(expected, out);
    assertTrue(out.length() <= max);
  }

  static Stream<Arguments> singleLines() {
    return Stream.of(
        Arguments.of("plain text", "plain text"),
        Arguments.of("line1\nline2", "line1 line2"),
        Arguments.of("a\r\nINFO forged log line", "a INFO forged log line"),
        Arguments.of("tab\tand\u000bvt\u0085nel", "tab and vt nel"),
        Arguments.of("ls\u2028ps\u2029end", "ls ps end"),
        Arguments.of("bidi \u202Eevil\u202C override", "bidi evil override"),
        Arguments.of("esc \u001b[31mred", "esc [31mred"),
        Arguments.of("  many    spaces  ", "many spaces"),
        Arguments.of("family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"),
        Arguments.of("lone \uD800 surrogate", "lone surrogate"),
        Arguments.of(null, ""));
  }

  @ParameterizedTest
  @MethodSource("singleLines")
  void shouldKeepOneLineWhenSingleLineNeeded(String in, String expected) {
    assertEquals(expected, Text.singleLine(in));
  }

  static Stream<Arguments> multiLines() {
    return Stream.of(
        Arguments.of("a\r\nb\rc", "a\nb\nc"),
        Arguments.of("x\u0000y\u001bz\u2028w", "xyz\nw"),
        Arguments.of("  keep\n\n paragraphs  ", "keep\n\n paragraphs"));
  }

  @ParameterizedTest
  @MethodSource("multiLines")
  void shouldKeepOnlyNewlinesWhenMultiLine(String in, String expected) {
    assertEquals(expected, Text.multiLine(in));
  }

  static Stream<Arguments> handles() {
    return Stream.of(
        Arguments.of("jane.bsky.social", "@jane.bsky.social"),
        Arguments.of("@already", "@already"),
        Arguments.of("evil\nINFO x", "@evil INFO x"),
        Arguments.of("", "(unknown)"));
  }

  @ParameterizedTest
  @MethodSource("handles")
  void shouldRenderHandle(String in, String expected) {
    assertEquals(expected, Text.handle(in));
  }

  static Stream<Arguments> urls() {
    return Stream.of(
        Arguments.of("https://bsky.app/profile/jane/post/1", true),
        Arguments.of("http://example.com/x", true),
        Arguments.of("javascript:alert(1)", false),
        Arguments.of("data:text/html,hi", false),
        Arguments.of("https://ok.com/a\nb", false),
        Arguments.of("https://ok.com/a b", false),
        Arguments.of("/relative/path", false),
        Arguments.of("", false));
  }

  @ParameterizedTest
  @MethodSource("urls")
  void shouldAcceptOnlyHttpLinks(String in, boolean ok) {
    assertEquals(ok ? Optional.of(in) : Optional.empty(), Text.httpUrl(in));
  }
}
