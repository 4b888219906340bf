package io.replywatch.ingest;

import static io.replywatch.testing.Posts.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.replywatch.config.Platform;
import io.replywatch.ingest.RejectedStore.Kept;
import io.replywatch.metrics.ServiceMetrics;
import io.replywatch.testing.Posts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link ReadAgain} on its own: which stored items are tried, and that one is marked and counted only once the
 * batch carrying it was taken, however many cycles fail first.
 */
class ReadAgainTest {
  /** Reads {@code {"id": …, "own": true|false}}; anything else still cannot be read. */
  private static final BiFunction<String, JsonNode, Reread> READER = (endpoint, item) -> {
    Post p = Posts.post(item.get("id").asText(), "7", T0.minusSeconds(item.get("id").asLong()), null);
    return item.get("own").asBoolean() ? Reread.brandPost(p) : Reread.mention(p);
  };

  private final InMemoryRejectedStore store = new InMemoryRejectedStore();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ReadAgain readAgain = new ReadAgain(Platform.X, "acme", store, new ServiceMetrics(registry));

  @Test
  void shouldTryOnlyWholeItemsAndLeaveThoseThatStillDoNotRead() {
    List<String> tried = new ArrayList<>();
    BiFunction<String, JsonNode, Reread> reader = (endpoint, item) -> {
      tried.add(item.toString());
      return READER.apply(endpoint, item);
    };
    String json = "{\"id\":\"1\",\"own\":false}";
    assertEquals(Optional.of("1"), ReadAgain.read(Platform.X, new Kept("1", "mentions", json, json.length()), reader)
        .flatMap(Reread::mention).map(Post::id));
    assertEquals(Optional.empty(), ReadAgain.read(Platform.X, new Kept("2", "mentions", json, json.length() + 1),
        reader), "cut");
    assertEquals(1, tried.size(), "a cut item is not tried");
    assertEquals(Optional.empty(), ReadAgain.read(Platform.X, new Kept("3", "mentions", "{\"id\":", 6), reader),
        "not JSON");
    assertEquals(Optional.empty(), ReadAgain.read(Platform.X, new Kept("4", "mentions", "{\"text\":\"hi\"}", 13),
        reader), "still unreadable");
  }

  /**
   * A cycle that holds its mentions back carries only the brand's post; a cycle that fails carries the mention
   * again next time; each is marked and counted once its batch was taken, and never carried again.
   */
  @Test
  void shouldMarkAnItemOnlyOnceTheBatchCarryingItWasTaken() {
    keep("1", "{\"id\":\"1\",\"own\":false}");
    keep("2", "{\"id\":\"2\",\"own\":true}");
    keep("3", "{\"text\":\"still unreadable\"}");
    assertEquals(2, readAgain.load(READER));

    Poller.Cycle held = readAgain.join(Poller.Cycle.ownOnly(List.of(), Map.of()));
    assertEquals(List.of(), held.mentions());
    assertEquals(List.of("2"), held.brandPosts().stream().map(Post::id).toList());
    readAgain.taken(T0);
    assertEquals(List.of("1", "3"), waiting(), "the brand post read again");

    Post wire = Posts.post("9", "8", T0, null);
    Poller.Cycle failed = readAgain.join(new Poller.Cycle(List.of(wire), List.of(), Map.of()));
    assertEquals(List.of("1", "9"), failed.mentions().stream().map(Post::id).toList(), "the older one first");
    Poller.Cycle retried = readAgain.join(new Poller.Cycle(List.of(), List.of(), Map.of()));
    assertEquals(List.of("1"), retried.mentions().stream().map(Post::id).toList(), "not lost with a failed cycle");
    assertEquals(List.of("1", "3"), waiting(), "nothing marked before the batch was taken");
    readAgain.taken(T0);
    assertEquals(List.of("3"), waiting());
    assertEquals(2.0, registry.find("replywatch.poll.items.recovered").counter().count(), "each once");

    Poller.Cycle later = new Poller.Cycle(List.of(), List.of(), Map.of());
    assertTrue(readAgain.join(later) == later, "nothing carried again");
  }

  /** A store that fails while reading leaves the items for the next start; the poller still starts. */
  @Test
  void shouldStartWithNothingWhenTheStoreFails() {
    RejectedStore broken = new RejectedStore() {
      @Override
      public boolean keep(Platform platform, String account, String endpoint, Rejected item, java.time.Instant at) {
        return true;
      }

      @Override
      public void eachWaiting(Platform platform, String account, Consumer<Kept> each) {
        throw new IllegalStateException("database is locked");
      }

      @Override
      public void recovered(Platform platform, String account, String key, java.time.Instant at) {
      }
    };
    assertEquals(0, new ReadAgain(Platform.X, "acme", broken, new ServiceMetrics(registry)).load(READER));
  }

  private void keep(String key, String json) {
    store.keep(Platform.X, "acme", "mentions", new Rejected(key, Optional.of(key), "r", json, json.length()), T0);
  }

  private List<String> waiting() {
    List<String> keys = new ArrayList<>();
    store.eachWaiting(Platform.X, "acme", k -> keys.add(k.key()));
    return keys.stream().sorted().toList();
  }
}
