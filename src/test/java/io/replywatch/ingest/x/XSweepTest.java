package io.replywatch.ingest.x;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.ingest.Post;
import io.replywatch.testing.Posts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the overlap sweep runs, how far back it reads, and that it never hands on a post twice. */
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

  @Test
  void shouldKeepOnlyWhatWasNotHandedOn() {
    XSweep sweep = new XSweep(T0);
    Post a = Posts.post("1", "jane", T0, null);
    Post b = Posts.post("2", "omar", T0, null);
    sweep.seen(List.of(a));
    assertEquals(List.of(b), sweep.unseen(List.of(a, b)));
  }
}
