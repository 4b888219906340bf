package io.replywatch.ingest.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.ingest.Platform;
import io.replywatch.ingest.Post;
import io.replywatch.ingest.bluesky.BlueskyParser.Item;
import io.replywatch.ingest.bluesky.BlueskyParser.Listing;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Paging back to a high-water mark over newest-first, cursor-only pages (social-apis.md §3.3). */
class BlueskyPagingTest {
  private static final Instant T = Instant.parse("2026-09-01T10:00:00Z");

  @Test
  void shouldWalkThroughEmptyPagesUntilTheMarkAndKeepPostsThatShareItsInstant() throws Exception {
    // Newest first: d (T+3), c and b share T+2 with b already seen, a (T+1) is below the mark.
    List<Listing> pages = List.of(
        new Listing(List.of(item("d", 3)), Optional.of("p2")),
        new Listing(List.of(), Optional.of("p3")),
        new Listing(List.of(item("c", 2), item("b", 2), item("a", 1)), Optional.of("p4")));
    List<Optional<String>> asked = new ArrayList<>();
    Function<Optional<String>, Future<Listing>> fetch = cursor -> {
      asked.add(cursor);
      return Future.succeededFuture(pages.get(asked.size() - 1));
    };
    Optional<HighWater> mark = HighWater.decode(Optional.of(T.plusSeconds(2) + " at://b"));
    BlueskyPaging.Read read = get(BlueskyPaging.read(fetch, mark, T.minusSeconds(3600)));
    assertEquals(List.of("at://c", "at://d"), read.items().stream().map(i -> i.post().id()).toList(), "oldest first");
    assertEquals(List.of(Optional.empty(), Optional.of("p2"), Optional.of("p3")), asked, "stops at the mark");
    assertEquals(T.plusSeconds(3) + " at://d", read.mark().encode());
  }

  @Test
  void shouldBackfillToTheWindowOnAFirstStartAndKeepTheMarkWhenNothingIsNew() throws Exception {
    Function<Optional<String>, Future<Listing>> fetch = cursor -> Future.succeededFuture(
        new Listing(List.of(item("b", 10), item("a", -7200)), Optional.of("more")));
    BlueskyPaging.Read first = get(BlueskyPaging.read(fetch, Optional.empty(), T.minusSeconds(3600)));
    assertEquals(List.of("at://b"), first.items().stream().map(i -> i.post().id()).toList());
    BlueskyPaging.Read again = get(BlueskyPaging.read(fetch, Optional.of(first.mark()), T.minusSeconds(3600)));
    assertEquals(List.of(), again.items());
    assertEquals(first.mark(), again.mark());
    assertEquals(Optional.empty(), HighWater.decode(Optional.of("not-a-time at://x")), "unreadable = none");
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
