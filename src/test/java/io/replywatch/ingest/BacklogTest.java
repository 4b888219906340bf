package io.replywatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bookkeeping X and Bluesky share for unread ranges: the order they are read in, and the order of the writes. */
class BacklogTest {

  /** A range of {@code size} posts named {@code name}1.. newest first; a read takes one page of 10 per request. */
  private record Range(String name, int from, int size) {}

  private final List<String> asked = new ArrayList<>();

  private Future<Backlog.Step<Range, String>> read(Range r, int pages) {
    asked.add(r.name() + "@" + r.from());
    List<String> posts = new ArrayList<>();
    int to = Math.min(r.size(), r.from() + pages * 10);
    for (int i = r.from(); i < to; i++) {
      posts.add(r.name() + i);
    }
    int used = (to - r.from() + 9) / 10;
    Optional<Range> left = to < r.size() ? Optional.of(new Range(r.name(), to, r.size())) : Optional.empty();
    return Future.succeededFuture(new Backlog.Step<>(posts, left, used));
  }

  @Test
  void shouldReadTheNewestRangeFirstAndKeepWhatThePagesDoNotReach() throws Exception {
    List<Range> ranges = List.of(new Range("a", 0, 25), new Range("b", 0, 40), new Range("c", 0, 5));
    Backlog.Drained<Range, String> d = get(Backlog.drain(ranges, 5, () -> true, this::read));
    assertEquals(List.of("a@0", "b@0"), asked, "a (3 pages), then b with the 2 left; c not reached");
    assertEquals(25 + 20, d.newestFirst().size());
    assertEquals("a0", d.newestFirst().get(0));
    assertEquals(List.of(new Range("b", 20, 40), new Range("c", 0, 5)), d.left(), "b shrunk, c untouched, in order");
  }

  @Test
  void shouldReadNothingWhenTheWindowCannotSpareARequest() throws Exception {
    List<Range> ranges = List.of(new Range("a", 0, 25));
    Backlog.Drained<Range, String> d = get(Backlog.drain(ranges, 25, () -> false, this::read));
    assertEquals(List.of(), asked);
    assertEquals(ranges, d.left());
    assertEquals(List.of(), get(Backlog.drain(ranges, 0, () -> true, this::read)).newestFirst(), "no pages left");
  }

  @Test
  void shouldWriteTheBacklogBeforeTheCursorAndOnlyWhenItChanged() {
    assertEquals(List.of("mentions:backlog", "mentions"),
        List.copyOf(Backlog.writes("mentions", "", "1..5", Optional.of("9")).keySet()));
    assertEquals(Map.of("mentions", "9"), Backlog.writes("mentions", "1..5", "1..5", Optional.of("9")));
    assertEquals(Map.of("mentions:backlog", ""), Backlog.writes("mentions", "1..5", "", Optional.empty()),
        "a range read to its end is removed");
  }

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get();
  }
}
