package io.replywatch.ingest.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.config.Platform;
import io.replywatch.ingest.Post;
import io.replywatch.ingest.bluesky.BlueskyParser.Item;
import io.replywatch.ingest.bluesky.BlueskyParser.Listing;
import io.replywatch.ingest.bluesky.BlueskyParser.Position;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Paging back to a high-water mark over newest-first, cursor-only pages (social-apis.md §3.3). */
class BlueskyPagingTest {
  private static final Instant T = Instant.parse("2026-09-01T10:00:00Z");

  private final List<Optional<String>> asked = new ArrayList<>();

  private Function<Optional<String>, Future<Listing>> pages(List<Listing> pages) {
    return cursor -> {
      asked.add(cursor);
      return Future.succeededFuture(pages.get(asked.size() - 1));
    };
  }

  @Test
  void shouldWalkThroughEmptyPagesUntilTheMarkAndKeepPostsThatShareItsInstant() throws Exception {
    // Newest first: d (T+3), c and b share T+2 with b already seen, a (T+1) is below the mark.
    List<Listing> pages = List.of(
        new Listing(List.of(item("d", 3)), Optional.of("p2")),
        new Listing(List.of(), Optional.of("p3")),
        new Listing(List.of(item("c", 2), item("b", 2), item("a", 1)), Optional.of("p4")));
    HighWater mark = HighWater.decode(Optional.of(T.plusSeconds(2) + " at://b")).orElseThrow();
    BlueskyPaging.Walk walk = get(BlueskyPaging.walk(pages(pages), mark, Optional.empty(), 100, () -> true));
    assertEquals(List.of("at://d", "at://c"), ids(walk), "newest first, b already seen");
    assertEquals(List.of(Optional.empty(), Optional.of("p2"), Optional.of("p3")), asked, "stops at the mark");
    assertEquals(T.plusSeconds(3) + " at://d", walk.mark().encode());
    assertEquals(Optional.empty(), walk.next(), "reached: nothing left to read");
  }

  @Test
  void shouldStopAtTheMarkWhereOnlyEntriesThatAreNoItemsReachBelowIt() throws Exception {
    // A notification page of likes: no item below the mark, but a like is, and says the walk is done.
    Listing likes = new Listing(List.of(item("c", 5)), Optional.of("p2"),
        List.of(position("like9", 9), position("c", 5), position("like0", -1)));
    HighWater mark = new HighWater(T, Set.of());
    BlueskyPaging.Walk walk = get(BlueskyPaging.walk(pages(List.of(likes)), mark, Optional.empty(), 100, () -> true));
    assertEquals(List.of("at://c"), ids(walk));
    assertEquals(1, asked.size(), "the like below the mark ends the walk without another page");
    assertEquals(T.plusSeconds(9) + " at://like9", walk.mark().encode(), "the mark covers what is no item too");
  }

  @Test
  void shouldSayWhereToGoOnWhenThePageLimitOrTheWindowStopsTheWalk() throws Exception {
    List<Listing> pages = List.of(
        new Listing(List.of(item("e", 5)), Optional.of("p2")),
        new Listing(List.of(item("d", 4)), Optional.of("p3")),
        new Listing(List.of(item("c", 3)), Optional.of("p4")));
    HighWater mark = new HighWater(T, Set.of());
    BlueskyPaging.Walk capped = get(BlueskyPaging.walk(pages(pages), mark, Optional.empty(), 2, () -> true));
    assertEquals(List.of("at://e", "at://d"), ids(capped));
    assertEquals(Optional.of("p3"), capped.next(), "the cursor of the first page not read");
    assertEquals(2, capped.pages());

    asked.clear();
    BlueskyPaging.Walk on = get(BlueskyPaging.walk(pages(pages.subList(2, 3)), mark, capped.next(), 1, () -> true));
    assertEquals(List.of(Optional.of("p3")), asked, "a range goes on from its cursor");
    assertEquals(List.of("at://c"), ids(on));
    assertEquals(Optional.of("p4"), on.next());

    BlueskyPaging.Walk held = get(BlueskyPaging.walk(pages(pages), mark, Optional.of("p9"), 2, () -> false));
    assertEquals(Optional.of("p9"), held.next(), "no spare request: the range stays as it was");
    assertEquals(0, held.pages());
  }

  @Test
  void shouldBackfillToTheWindowOnAFirstStartAndKeepTheMarkWhenNothingIsNew() throws Exception {
    Function<Optional<String>, Future<Listing>> fetch = cursor -> Future.succeededFuture(
        new Listing(List.of(item("b", 10), item("a", -7200)), Optional.of("more")));
    HighWater window = new HighWater(T.minusSeconds(3600), Set.of());
    BlueskyPaging.Walk first = get(BlueskyPaging.walk(fetch, window, Optional.empty(), 100, () -> true));
    assertEquals(List.of("at://b"), ids(first));
    BlueskyPaging.Walk again = get(BlueskyPaging.walk(fetch, first.mark(), Optional.empty(), 100, () -> true));
    assertEquals(List.of(), again.newestFirst());
    assertEquals(first.mark(), again.mark());
    assertEquals(Optional.empty(), HighWater.decode(Optional.of("not-a-time at://x")), "unreadable = none");
  }

  @Test
  void shouldStoreRangesOneALineWithCursorsThatHoldSpaces() {
    List<Gap> gaps = List.of(new Gap("2026-09-01T11:00:00.000Z::bafy a", new HighWater(T, new LinkedHashSet<>(List.of("at://x", "at://y")))),
        new Gap("c2", new HighWater(T.minusSeconds(60), Set.of())));
    String stored = Gap.format(gaps);
    assertEquals(T + " at://x at://y\t2026-09-01T11:00:00.000Z::bafy a\n" + T.minusSeconds(60) + "\tc2", stored);
    assertEquals(gaps, Gap.parse(stored));
    assertEquals(List.of(gaps.get(1)), Gap.parse("garbage\n" + T.minusSeconds(60) + "\tc2"), "a bad line is left out");
    assertEquals(List.of(), Gap.parse(""));
  }

  private static List<String> ids(BlueskyPaging.Walk walk) {
    return walk.newestFirst().stream().map(i -> i.post().id()).toList();
  }

  private static Position position(String name, int seconds) {
    return new Position(T.plusSeconds(seconds), "at://" + name);
  }

  private static Item item(String name, int seconds) {
    Instant at = T.plusSeconds(seconds);
    Post p = new Post(Platform.BLUESKY, "at://" + name, "did:plc:" + name, name + ".bsky.social", name, at,
        Optional.empty(), Optional.empty(), "https://bsky.app/profile/x/post/" + name, Optional.empty());
    return new Item(p, at, List.of(), Optional.empty());
  }

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get();
  }
}
