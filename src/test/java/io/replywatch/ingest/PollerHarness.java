package io.replywatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.replywatch.bus.Addresses;
import io.replywatch.bus.LocalCodec;
import io.replywatch.config.Platform;
import io.replywatch.metrics.ServiceMetrics;
import io.replywatch.simulator.Fault;
import io.replywatch.simulator.SimRequest;
import io.replywatch.simulator.SimulatorBase;
import io.replywatch.time.ManualClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs pollers against a simulator with a manual clock and no SLA stage: takes every {@link PollBatch} off the
 * event bus (answering it, so cursors advance) and moves time one step at a time, waiting for the poller to settle
 * after each step instead of sleeping.
 */
public final class PollerHarness implements AutoCloseable {
  public static final long WAIT_S = 20;

  public final Vertx vertx = Vertx.vertx();
  public final ManualClock clock;
  public final CursorStore cursors = new InMemoryCursorStore();
  /** The store's real table of items set aside, in a throwaway file. */
  public final RejectedTable rejectedTable = new RejectedTable();
  public final RejectedStore rejected = rejectedTable.store;
  public final SourceHealth health = new SourceHealth();
  public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  public final ServiceMetrics metrics = new ServiceMetrics(registry);
  public final List<PollBatch> batches = new CopyOnWriteArrayList<>();

  public PollerHarness(Instant start) throws Exception {
    clock = new ManualClock(start);
    LocalCodec.register(vertx, PollBatch.class);
    vertx.eventBus().<PollBatch>consumer(Addresses.POLL_BATCH, m -> {
      batches.add(m.body());
      m.reply("ok");
    });
  }

  public String deploy(io.vertx.core.Deployable v) throws Exception {
    return await(vertx.deployVerticle(v));
  }

  /** Deploys a poller and waits for its first cycle. */
  public String start(Poller poller) throws Exception {
    String id = deploy(poller);
    awaitSettled(poller, 0);
    return id;
  }

  public void stop(String deploymentId) throws Exception {
    await(vertx.undeploy(deploymentId));
  }

  /**
   * Starts {@code poller} with {@code posts} served malformed by {@code sim} from the start (each one bad item in a
   * good page, every time), and runs it ten minutes, a cycle every five.
   */
  public <P extends Poller> P startMalformed(SimulatorBase sim, P poller, String... posts) throws Exception {
    for (String p : posts) {
      sim.malformItem(p);
    }
    start(poller);
    steps(poller, 2, Duration.ofMinutes(5));
    return poller;
  }

  /** Moves the clock and waits until the poller finished the cycle (or decided to wait for its budget). */
  public void step(Poller poller, Duration d) {
    long before = poller.settled();
    clock.advance(d);
    awaitSettled(poller, before);
  }

  /** {@link #step} {@code times} times. */
  public void steps(Poller poller, int times, Duration d) {
    for (int i = 0; i < times; i++) {
      step(poller, d);
    }
  }

  private static void awaitSettled(Poller poller, long before) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
    while (poller.settled() <= before) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("poller did not settle within " + WAIT_S + "s");
      }
      LockSupport.parkNanos(200_000);
    }
  }

  /**
   * The day both poller tests run: a 429 (then nothing sent before its reset), a malformed page, an HTML 503,
   * then {@code last} (a fault or null), a stop, 30 minutes down, a new poller on the same cursors, and two hours
   * at once (several pages forward).
   */
  public void faultyDayWithRestart(Supplier<Poller> make, SimulatorBase sim, Duration retryAfter,
      Consumer<SimulatorBase> last) throws Exception {
    Poller first = make.get();
    String id = start(first);
    step(first, Duration.ofMinutes(5));
    sim.inject(new Fault(Fault.Kind.RATE_LIMIT, retryAfter));
    step(first, Duration.ofMinutes(1));
    int sent = sim.requests().size();
    step(first, Duration.ofMinutes(1));
    assertEquals(sent, sim.requests().size(), "nothing sent while waiting for the reset");
    step(first, Duration.ofMinutes(5));
    sim.inject(Fault.of(Fault.Kind.MALFORMED));
    step(first, Duration.ofMinutes(5));
    sim.inject(Fault.of(Fault.Kind.HTML_503));
    step(first, Duration.ofMinutes(5));
    last.accept(sim);
    step(first, Duration.ofMinutes(5));
    stop(id);

    clock.advance(Duration.ofMinutes(30));
    Poller second = make.get();
    start(second);
    step(second, Duration.ofHours(2));
    step(second, Duration.ofMinutes(5));
  }

  /** Every mention id delivered, with how often. */
  public Map<String, Integer> mentionCounts() {
    Map<String, Integer> counts = new HashMap<>();
    batches.forEach(b -> b.mentions().forEach(m -> counts.merge(m.post().id(), 1, Integer::sum)));
    return counts;
  }

  /**
   * Asserts each brand reply arrived once, in the batch of its parent or a later one, naming the parent it
   * replies to; returns how many replies there were.
   */
  public int assertRepliesMatched(Map<String, String> replyToParent) {
    Set<String> seenMentions = new HashSet<>();
    Map<String, Integer> replies = new HashMap<>();
    for (PollBatch b : batches) {
      b.mentions().forEach(m -> seenMentions.add(m.post().id()));
      for (Post p : b.brandPosts()) {
        replies.merge(p.id(), 1, Integer::sum);
        String parent = replyToParent.get(p.id());
        assertEquals(java.util.Optional.ofNullable(parent), p.inReplyToId(), "reply " + p.id());
        assertTrue(parent == null || seenMentions.contains(parent), "reply " + p.id() + " came before its mention");
      }
    }
    assertEquals(replyToParent.keySet(), replies.keySet(), "every brand reply delivered");
    replies.forEach((id, n) -> assertEquals(1, n, "reply " + id + " delivered once"));
    return replies.size();
  }

  /** Asserts the simulator saw no request between a 429 and {@code reset} after it. */
  public static void assertQuietAfter429(SimulatorBase sim, Duration retryAfter) {
    List<SimRequest> log = sim.requests();
    int limited = 0;
    for (int i = 0; i < log.size(); i++) {
      if (log.get(i).status() == 429) {
        limited++;
        Instant reset = log.get(i).at().plus(retryAfter);
        for (SimRequest later : log.subList(i + 1, log.size())) {
          assertTrue(!later.at().isBefore(reset), "request at " + later.at() + " before the reset " + reset);
        }
      }
    }
    assertEquals(1, limited, "exactly the injected 429, none earned: " + log.size() + " requests");
  }

  public double polls(Platform platform, String outcome) {
    var c = registry.find("replywatch.poll.requests").tag("platform", platform.id()).tag("outcome", outcome).counter();
    return c == null ? 0 : c.count();
  }

  /** How many items {@code platform}'s poller set aside and kept, as {@code replywatch_poll_items_rejected_total}. */
  public double rejectedItems(Platform platform) {
    var c = registry.find("replywatch.poll.items.rejected").tag("platform", platform.id()).counter();
    return c == null ? 0 : c.count();
  }

  public static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(WAIT_S, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    await(vertx.close());
    rejectedTable.close();
  }
}
