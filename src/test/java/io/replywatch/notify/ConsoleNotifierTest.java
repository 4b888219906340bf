package io.replywatch.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleNotifierTest {

  @Test
  void shouldKeepAnAlertOnOneLineWhateverTheAuthorCalledThemselves() {
    List<String> lines = new ArrayList<>();
    String forged = "jane\n03:00:00  RESOLVED  forged line\u202e\r\u2028x";
    new ConsoleNotifier(lines::add).send(Events.withText(Events.breach(), forged, "hi\nthere", Events.PERMALINK));

    assertEquals(1, lines.size());
    String line = lines.get(0);
    assertTrue(line.lines().count() == 1 && line.chars().noneMatch(Character::isISOControl), line);
    assertTrue(line.contains(": @jane 03:00:00 RESOLVED forged line x \"hi there\""), line);
  }
}
