package io.replywatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.replywatch.bus.Addresses;
import io.replywatch.bus.LocalCodec;
import io.replywatch.metrics.ServiceMetrics;
import io.replywatch.simulator.Fault;
import io.replywatch.simulator.SimPost;
import io.replywatch.simulator.SimRequest;
import io.replywatch.simulator.SimulatorBase;
import io.replywatch.time.ManualClock;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's bar, the same for every platform: ≥250 mentions over several pages with brand replies among them, a
 * 429 in the middle of paging, a malformed page and a restart in the middle → every mention handed on exactly
 * once, every reply after (or with) the post it answers, and no request between a 429 and its reset. Time is a
 * manual clock; the poller runs when the test moves it.
 */
public abstract class IngestContract {
  protected static final Instant T0 = IngestScript.T0;
  protected static final Duration BACKFILL = Duration.ofHours(24);
  protected static final Duration RETRY_AFTER = Duration.ofSeconds(60);
  private static final long WAIT_S = 10;

  protected final ManualClock clock = new ManualClock(T0);
  protected final IngestScript script = new IngestScript();
  protected final InMemoryCursorStore cursors = new InMemoryCursorStore();
  protected final SourceHealth health = new SourceHealth();
  protected final List<PollBatch> batches = new CopyOnWriteArrayList<>();
  protected final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  protected final ServiceMetrics metrics = new ServiceMetrics(registry);
  /** The store's real table of items set aside, in a throwaway file. */
  protected RejectedTable rejected;
  protected Vertx vertx;
  protected SimulatorBase sim;

  protected abstract SimulatorBase simulator();

  protected abstract Poller poller();

  /** Stores a notifications cursor at T0, as if every mention up to then had been handed on already. */
  protected abstract void markMentionsCaughtUp();

  /** Whether the stored notifications cursor has moved past {@code p}. */
  protected abstract boolean notificationsCursorPast(SimPost p);

  /** The endpoint of the brand's own posts, as the poller names it in {@code rejected_items}. */
  protected abstract String ownEndpoint();

  /** Mends in {@code item}, stored from {@code endpoint}, the field the simulator's {@code malformItem} broke. */
  protected abstract void mend(String endpoint, ObjectNode item, SimPost p);

  @BeforeEach
  void setUpVertx() throws Exception {
    rejected = new RejectedTable();
    vertx = Vertx.vertx();
    LocalCodec.register(vertx, PollBatch.class);
    vertx.eventBus().<PollBatch>consumer(Addresses.POLL_BATCH, m -> {
      batches.add(m.body());
      m.reply(null);
    });
    sim = simulator();
    await(vertx.deployVerticle(sim));
  }

  @AfterEach
  void tearDownVertx() throws Exception {
    await(vertx.close());
    rejected.close();
  }

  @Test
  void shouldIngestEveryMentionOnceThroughA429AMalformedPageAndARestart() throws Exception {
    // Restarts twice: while waiting out the 429 (the reset is remembered) and after a 50-minute downtime.
    sim.injectAfter(1, new Fault(Fault.Kind.RATE_LIMIT, RETRY_AFTER));
    String first = await(vertx.deployVerticle(poller()));
    awaitTrue(() -> health.snapshot().values().stream().anyMatch(s -> s.detail().startsWith("rate limited")),
        "the 429 taken in");
    await(vertx.undeploy(first));
    int sent = sim.requests().size();
    first = await(vertx.deployVerticle(poller()));
    assertQuiet(sent, "a restarted poller waits out the 429 it was given before the restart");
    clock.advance(Duration.ofSeconds(30));
    assertQuiet(sent, "no request before the reset");
    clock.advance(Duration.ofSeconds(25));
    clock.advance(Duration.ofSeconds(6));
    awaitCaughtUp(T0.plusSeconds(61));

    sim.injectAfter(1, Fault.of(Fault.Kind.MALFORMED));
    clock.advance(Duration.ofMinutes(20));
    awaitTrue(() -> health.snapshot().values().stream().anyMatch(s -> s.detail().contains("malformed")),
        "the malformed page reported");
    clock.advance(Duration.ofMinutes(2));
    awaitCaughtUp(clock.instant());

    await(vertx.undeploy(first));
    clock.advance(Duration.ofMinutes(50));
    await(vertx.deployVerticle(poller()));
    awaitCaughtUp(clock.instant());
    clock.advance(Duration.ofMinutes(60));
    awaitCaughtUp(clock.instant());

    assertExactlyOnce(clock.instant());
    assertNoRequestBeforeTheReset();
  }

  /**
   * A mention and a brand reply the platform keeps sending malformed, each in the middle of a page (the simulator's
   * {@code malformItem}; each platform breaks its own field): the rest of each page is handed on, each bad item is
   * kept once in {@code rejected_items} and counted once however many cycles see it, health names them and stays
   * ok, the cursor moves past them and later mentions are seen. Before, the whole page failed on every cycle.
   */
  @Test
  void shouldSetAsideMalformedItemsAndReadOnPastThem() throws Exception {
    SimPost badMention = scripted("mention #205");
    SimPost badReply = scripted("reply to #201");
    Poller poller = pollerServedMalformed(badMention, badReply);
    assertEquals(0, rejected.rows().size(), "nothing malformed before T0");

    step(poller, Duration.ofMinutes(10));
    assertTrue(detail().startsWith("ok; 2 unreadable item(s) set aside this cycle"), detail());
    assertEquals(SourceHealth.State.OK, health.snapshot().values().iterator().next().state(), "not blind: ok");
    for (int i = 0; i < 4; i++) {
      step(poller, Duration.ofMinutes(1));
      assertEquals("ok", detail(), "later cycles find nothing new to set aside");
    }
    step(poller, Duration.ofMinutes(20));
    Instant until = clock.instant();
    assertTrue(handedOn().contains("mention #215"), "later mentions seen");

    Map<String, Long> mentions = new HashMap<>();
    Map<String, Long> replies = new HashMap<>();
    batches.forEach(b -> {
      b.mentions().forEach(m -> mentions.merge(IngestScript.key(m.post().text()), 1L, Long::sum));
      b.brandPosts().forEach(p -> replies.merge(p.text(), 1L, Long::sum));
    });
    for (SimPost p : script.timeline.all()) {
      if (p.createdAt().isAfter(T0) && !p.createdAt().isAfter(until.minusSeconds(1))) {
        Map<String, Long> seen = p.brand() ? replies : mentions;
        long expected = p == badMention || p == badReply ? 0 : 1;
        assertEquals(expected, seen.getOrDefault(p.text(), 0L), "'" + p.text() + "' handed on");
      }
    }
    List<RejectedTable.Row> rows = rejected.rows();
    assertEquals(2, rows.size(), "each bad item kept once: " + rows);
    assertTrue(rows.stream().allMatch(r -> !r.reason().isBlank() && r.raw().startsWith("{")), rows.toString());
    assertTrue(rows.stream().anyMatch(r -> r.raw().contains("mention #205")), "the mention's JSON is kept");
    assertTrue(rows.stream().anyMatch(r -> r.raw().contains("reply to #201")), "the reply's JSON is kept");
    assertEquals(2, registry.find("replywatch.poll.items.rejected").counter().count(), "each counted once");
    assertTrue(notificationsCursorPast(badMention), "the cursor moved past the bad mention");
  }

  /**
   * The mention and brand reply of the test above as an older parser set them aside, their stored JSON one that
   * today's parser reads ({@link ReadAgainCheck}): a restarted poller hands them on with its first batch, marks them
   * and counts each once; a cut copy waits, and the next start hands on nothing of them again.
   */
  @Test
  void shouldReadItemsSetAsideByAnOlderParserAgainAtStart() throws Exception {
    SimPost badMention = scripted("mention #205");
    SimPost badReply = scripted("reply to #201");
    Poller first = pollerServedMalformed(badMention, badReply);
    step(first, Duration.ofMinutes(10));
    await(vertx.undeploy(first.deploymentID()));
    ReadAgainCheck check = new ReadAgainCheck(rejected, batches, registry, first.platform);
    check.makeReadable("notifications", n -> mend("notifications", n, badMention));
    check.makeReadable(ownEndpoint(), n -> mend(ownEndpoint(), n, badReply));
    check.run(() -> {
      Poller p = poller();
      String id = await(vertx.deployVerticle(p));
      awaitTrue(() -> p.settled() > 0, "the first cycle");
      return id;
    }, id -> await(vertx.undeploy(id)), p -> IngestScript.key(p.text()).equals(badMention.text()),
        p -> p.text().equals(badReply.text()));
  }

  /** A poller through its first cycle, with {@code mention} and {@code reply} served malformed from now on. */
  private Poller pollerServedMalformed(SimPost mention, SimPost reply) throws Exception {
    sim.malformItem(mention.id());
    sim.malformItem(reply.id());
    markMentionsCaughtUp();
    Poller poller = poller();
    await(vertx.deployVerticle(poller));
    // Settled, not just ready: health turns ready a moment before the cycle counts as settled, and a step that read
    // the count in between would take the first cycle's settling for the one it waits for.
    awaitTrue(() -> poller.settled() > 0, "the first cycle");
    return poller;
  }

  /** Moves the clock and waits for the poller to finish the cycle that starts. */
  private void step(Poller poller, Duration d) {
    long before = poller.settled();
    clock.advance(d);
    awaitTrue(() -> poller.settled() > before, "a cycle after " + d);
  }

  private SimPost scripted(String text) {
    return script.timeline.all().stream().filter(p -> p.text().equals(text)).findFirst().orElseThrow();
  }

  @Test
  void shouldLeaveSearchHitsThatMentionTheBrandToTheMentionStream() throws Exception {
    markMentionsCaughtUp();
    await(vertx.deployVerticle(poller()));
    awaitTrue(health::ready, "the first cycle");
    java.util.Set<String> found = new java.util.HashSet<>();
    batches.forEach(b -> b.mentions().forEach(m -> found.add(IngestScript.key(m.post().text()))));
    java.util.Set<String> keywordOnly = new java.util.HashSet<>();
    script.keywordPosts.all().forEach(p -> keywordOnly.add(p.text()));
    assertEquals(keywordOnly, found, "the search adds only posts no mention stream brings");
  }

  @Test
  void shouldKeepReadingMentionsAndSaySoWhenTheKeywordSearchIsRefused() throws Exception {
    sim.refuseSearchQueries(true);
    await(vertx.deployVerticle(poller()));
    awaitTrue(health::ready, "the first cycle");
    assertTrue(detail().startsWith("ok, but skipped this cycle: search for '" + IngestScript.KEYWORD + "' rejected ("),
        detail());
    java.util.Set<String> keywordOnly = new java.util.HashSet<>();
    script.keywordPosts.all().forEach(p -> keywordOnly.add(p.text()));
    // Before T0, not at it: a platform may take a moment to index a post (Bluesky's simulator does).
    Instant before = T0.minusSeconds(1);
    java.util.Set<String> mentions = new java.util.HashSet<>(script.expectedMentions(T0, BACKFILL, before).keySet());
    mentions.removeAll(keywordOnly);
    awaitTrue(() -> handedOn().containsAll(mentions), "every mention before T0 handed on");
    assertTrue(handedOn().stream().noneMatch(keywordOnly::contains), "nothing from the refused search");

    sim.refuseSearchQueries(false);
    clock.advance(Duration.ofMinutes(1));
    awaitTrue(() -> handedOn().containsAll(keywordOnly.stream()
        .filter(t -> script.expectedMentions(T0, BACKFILL, before).containsKey(t)).toList()),
        "the search catches up once the platform takes it again");
    awaitTrue(() -> detail().equals("ok"), "the note gone with the next clean cycle");
  }

  @Test
  void shouldRecoverFromHtmlAndServerErrors() throws Exception {
    sim.injectAfter(1, Fault.of(Fault.Kind.HTML_503));
    await(vertx.deployVerticle(poller()));
    awaitTrue(() -> detail().contains("503"), "the HTML 503 reported");
    sim.injectAfter(0, Fault.of(Fault.Kind.SERVER_ERROR));
    clock.advance(Duration.ofSeconds(40));
    awaitTrue(() -> detail().contains("HTTP 50") && !detail().contains("503"), "the 5xx reported");
    clock.advance(Duration.ofMinutes(3));
    awaitTrue(health::ready, "recovered");
    awaitCaughtUp(clock.instant());
  }

  private String detail() {
    return health.snapshot().values().stream().map(SourceHealth.Status::detail).findFirst().orElse("");
  }

  private void awaitCaughtUp(Instant until) {
    int expected = script.expectedMentions(T0, BACKFILL, until).size()
        + script.expectedReplies(T0, BACKFILL, until).size();
    awaitTrue(() -> handedOn().size() >= expected, "all " + expected + " posts up to " + until
        + " handed on (have " + handedOn().size() + ")");
  }

  private List<String> handedOn() {
    List<String> keys = new ArrayList<>();
    for (PollBatch b : batches) {
      b.mentions().forEach(m -> keys.add(IngestScript.key(m.post().text())));
      b.brandPosts().forEach(p -> keys.add(IngestScript.key(p.text())));
    }
    return keys;
  }

  private void assertExactlyOnce(Instant until) {
    Map<String, Integer> mentionCount = new HashMap<>();
    Map<String, String> idByText = new HashMap<>();
    Map<String, Integer> batchOfMention = new HashMap<>();
    for (int i = 0; i < batches.size(); i++) {
      for (Mention m : batches.get(i).mentions()) {
        String k = IngestScript.key(m.post().text());
        mentionCount.merge(k, 1, Integer::sum);
        idByText.put(k, m.post().id());
        batchOfMention.putIfAbsent(m.post().id(), i);
      }
    }
    Map<String, SimPost> expected = script.expectedMentions(T0, BACKFILL, until);
    assertTrue(expected.size() >= 250, "a timeline of at least 250 mentions: " + expected.size());
    assertEquals(expected.keySet(), mentionCount.keySet(), "every mention, and only those");
    mentionCount.forEach((k, n) -> assertEquals(1, n, "mention '" + k + "' handed on " + n + " times"));

    Map<String, Integer> replyCount = new HashMap<>();
    for (int i = 0; i < batches.size(); i++) {
      for (Post p : batches.get(i).brandPosts()) {
        replyCount.merge(p.text(), 1, Integer::sum);
        SimPost scripted = script.expectedReplies(T0, BACKFILL, until).get(p.text());
        String parent = idByText.get(script.parentText(scripted));
        assertEquals(parent, p.inReplyToId().orElse(null), "'" + p.text() + "' replies to its mention");
        assertTrue(batchOfMention.get(parent) <= i, "'" + p.text() + "' comes with or after its mention");
      }
    }
    assertEquals(script.expectedReplies(T0, BACKFILL, until).keySet(), replyCount.keySet(), "every brand reply");
    replyCount.forEach((k, n) -> assertEquals(1, n, "reply '" + k + "' handed on " + n + " times"));
  }

  private void assertNoRequestBeforeTheReset() {
    List<SimRequest> log = sim.requests();
    int limited = 0;
    for (int i = 0; i < log.size(); i++) {
      if (log.get(i).status() != 429) {
        continue;
      }
      limited++;
      Instant reset = log.get(i).at().plus(RETRY_AFTER);
      for (SimRequest later : log.subList(i + 1, log.size())) {
        assertTrue(!later.at().isBefore(reset), "a request at " + later.at() + " before the reset " + reset);
      }
    }
    assertEquals(1, limited, "exactly the one injected 429: the poller never earned one itself");
  }

  /** Gives the poller a moment (as PipelineIntegrationTest does for Slack) and checks it sent nothing. */
  private void assertQuiet(int sent, String why) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
    while (System.nanoTime() < deadline) {
      assertEquals(sent, sim.requests().size(), why);
      LockSupport.parkNanos(1_000_000);
    }
  }

  public static void awaitTrue(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      LockSupport.parkNanos(1_000_000);
    }
  }

  public static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(WAIT_S, TimeUnit.SECONDS);
  }
}
