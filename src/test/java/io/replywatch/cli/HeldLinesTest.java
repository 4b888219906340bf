package io.replywatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeldLinesTest {
  @Test
  void shouldHoldLinesUntilReleasedThenPassThemThroughInOrder() {
    List<String> out = new ArrayList<>();
    HeldLines lines = new HeldLines(out::add);
    lines.accept("first mention");
    lines.accept("second mention");
    assertEquals(List.of(), out);
    out.add("banner");
    lines.release();
    lines.accept("third mention");
    lines.release();
    assertEquals(List.of("banner", "first mention", "second mention", "third mention"), out);
  }
}
