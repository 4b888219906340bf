package io.replywatch.ingest.x;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.testing.Posts;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the overlap sweep runs and how far back it reads (XPollerTest: a swept mention is handed on once). */
class XSweepTest {
  private static final Instant T0 = Posts.T0;

  @Test
  void shouldSweepEveryWindowButNeverBeforeThePollerStarted() {
    XSweep sweep = new XSweep(T0);
    assertEquals(Optional.empty(), sweep.due(T0.plus(Duration.ofMinutes(14))));
    assertEquals(Optional.of(T0), sweep.due(T0.plus(Duration.ofMinutes(15))), "not before the start");
    assertEquals(Optional.empty(), sweep.due(T0.plus(Duration.ofMinutes(20))));
    assertEquals(Optional.of(T0.plus(Duration.ofMinutes(25))), sweep.due(T0.plus(Duration.ofMinutes(40))));
  }
}
