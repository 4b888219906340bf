package io.replywatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.replywatch.config.Platform;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What every platform's poller does with items an older parser set aside and today's reads: a poller that starts
 * hands each on with its first batch (a customer's as a mention, the brand's as a reply candidate), marks its row
 * and counts it once, and the next start hands on nothing of it again. A row whose JSON still does not read, and a
 * cut copy of one that would, stay waiting. The items are set aside by a first poller against a simulator that
 * serves them malformed; {@link #makeReadable} then makes their stored JSON one today's parser reads.
 */
public final class ReadAgainCheck {

  /** Deploys a new poller on the same stores and waits for its first cycle; returns its deployment id. */
  public interface Start {
    String start() throws Exception;
  }

  /** Undeploys a poller. */
  public interface Stop {
    void stop(String deploymentId) throws Exception;
  }

  private final RejectedTable table;
  private final List<PollBatch> batches;
  private final MeterRegistry registry;
  private final Platform platform;
  private final Set<String> readable = new HashSet<>();

  public ReadAgainCheck(RejectedTable table, List<PollBatch> batches, MeterRegistry registry, Platform platform) {
    this.table = table;
    this.batches = batches;
    this.registry = registry;
    this.platform = platform;
  }

  /**
   * Makes the stored JSON of {@code endpoint}'s row readable with {@code fix}, and keeps a copy of it marked as cut
   * ({@code raw_length} one more than its JSON): whole as it is, it would read, so only the cut mark keeps it out.
   */
  public void makeReadable(String endpoint, Consumer<ObjectNode> fix) {
    String key = table.rewrite(endpoint, fix);
    readable.add(key);
    RejectedTable.Row row = table.rows().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    table.store.keep(platform, row.account(), endpoint, new Rejected("cut:" + key, Optional.empty(), row.reason(),
        row.raw(), row.raw().length() + 1), Instant.ofEpochMilli(row.firstSeen()));
  }

  /**
   * Starts a poller and checks that its first batch carries {@code mention} once as a mention and {@code reply}
   * (null: none made readable) once as a brand post, none handed on before; that the readable rows are marked and
   * counted once and every other row waits; then starts another, which hands on neither again. Returns the first
   * batch.
   */
  public PollBatch run(Start start, Stop stop, Predicate<Post> mention, Predicate<Post> reply) throws Exception {
    assertTrue(table.rows().stream().allMatch(r -> r.recoveredAt() == null), "nothing read again yet");
    assertEquals(0, handedOn(0, mention, reply), "not handed on before");
    int from = batches.size();
    String first = start.start();
    PollBatch batch = batches.get(from);
    assertEquals(1, batch.mentions().stream().filter(m -> mention.test(m.post())).count(), "the mention, once");
    assertEquals(reply == null ? 0 : 1, batch.brandPosts().stream().filter(p -> reply != null && reply.test(p))
        .count(), "the brand's post as a reply candidate");
    assertEquals(reply == null ? 1 : 2, handedOn(from, mention, reply), "once in all");
    for (RejectedTable.Row r : table.rows()) {
      if (readable.contains(r.key())) {
        assertNotNull(r.recoveredAt(), "read again: " + r.endpoint());
      } else {
        assertNull(r.recoveredAt(), "still waiting: " + r.endpoint() + " " + r.key());
      }
    }
    assertEquals(readable.size(), recovered(), "each counted once");
    stop.stop(first);

    int again = batches.size();
    stop.stop(start.start());
    assertEquals(0, handedOn(again, mention, reply), "the next start hands on nothing of them again");
    assertEquals(readable.size(), recovered(), "nor counts them again");
    return batch;
  }

  private long handedOn(int from, Predicate<Post> mention, Predicate<Post> reply) {
    return batches.subList(from, batches.size()).stream().mapToLong(b -> b.mentions().stream()
        .filter(m -> mention.test(m.post())).count()
        + b.brandPosts().stream().filter(p -> reply != null && reply.test(p)).count()).sum();
  }

  /** {@code replywatch_poll_items_recovered_total} of the platform. */
  private double recovered() {
    var c = registry.find("replywatch.poll.items.recovered").tag("platform", platform.id()).counter();
    return c == null ? 0 : c.count();
  }
}
