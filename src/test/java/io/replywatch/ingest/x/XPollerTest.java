package io.replywatch.ingest.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.classify.Category;
import io.replywatch.config.ConfigLoader;
import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig.Account;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.config.ReplywatchConfig.PlatformSettings;
import io.replywatch.config.Secret;
import io.replywatch.ingest.BusyTimeline;
import io.replywatch.ingest.PollBatch;
import io.replywatch.ingest.PollerHarness;
import io.replywatch.ingest.ReadAgainCheck;
import io.replywatch.ingest.Post;
import io.replywatch.ingest.SourceHealth;
import io.replywatch.simulator.Fault;
import io.replywatch.simulator.Timeline;
import io.replywatch.simulator.x.XSimulator;
import io.replywatch.sla.Episode;
import io.replywatch.sla.SlaListener;
import io.replywatch.sla.SlaTracker;
import io.replywatch.testing.Posts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The X poller against the X simulator: 300 mentions over several pages with brand replies, keyword search
 * overlapping mentions, a 429, a malformed page and a restart; every mention once, every reply matched.
 */
class XPollerTest {
  private static final Instant T0 = Instant.parse("2026-09-01T10:00:00Z");
  private static final Duration RETRY_AFTER = Duration.ofMinutes(2);

  private PollerHarness h;
  private BusyTimeline busy;
  private XSimulator sim;
  private Brand brand;
  private PlatformSettings settings;

  @BeforeEach
  void setUp() throws Exception {
    h = new PollerHarness(T0);
    busy = new BusyTimeline(T0.minus(Duration.ofHours(3)), 300, "42", "AcmeSupport");
    sim = new XSimulator(busy.timeline, h.clock, "42", "AcmeSupport", "bearer-secret", 180);
    busy.searchOnly.forEach(sim::searchOnly);
    h.deploy(sim);
    Account account = new Account(Platform.X, "42", "AcmeSupport", new Secret("bearer-secret"));
    brand = new Brand("acme", List.of(account), Set.of(), List.of("acme", "#acmefail"));
    settings = new PlatformSettings(sim.baseUrl(), Duration.ofSeconds(60), Duration.ofHours(24));
  }

  @AfterEach
  void tearDown() throws Exception {
    h.close();
  }

  private XPoller poller() {
    return new XPoller(brand, brand.accounts().get(0), settings, h.cursors, h.rejected, h.health, h.metrics, h.clock);
  }

  @Test
  void shouldIngestEveryMentionOnceAndMatchEveryReplyThroughFaultsAndARestart() throws Exception {
    h.faultyDayWithRestart(this::poller, sim, RETRY_AFTER, s -> {});

    Map<String, Integer> counts = h.mentionCounts();
    assertEquals(Set.copyOf(busy.customerPosts), counts.keySet(), "every mention ingested");
    counts.forEach((m, n) -> assertEquals(1, n, "mention " + m + " ingested once"));
    assertTrue(h.assertRepliesMatched(busy.replyToParent) >= 75);
    PollerHarness.assertQuietAfter429(sim, RETRY_AFTER);
    assertEquals(1.0, h.polls(Platform.X, "rate_limited"));
    assertEquals(2.0, h.polls(Platform.X, "error"));
    assertEquals(SourceHealth.State.OK, h.health.snapshot().get("x/AcmeSupport").state());
    assertEquals(h.clock.instant().getEpochSecond(),
        h.registry.get("replywatch.source.last.success.timestamp").tag("platform", "x").gauge().value());
    double remaining = h.registry.get("replywatch.ratelimit.remaining").tag("platform", "x").gauge().value();
    assertTrue(remaining > 0 && remaining < 180, "remaining " + remaining);
    assertEquals(300, h.registry.get("replywatch.ingest.lag").tag("platform", "x").timer().count());
    var text = h.batches.get(0).mentions().stream().filter(m -> m.post().text().startsWith("@AcmeSupport order #"))
        .findFirst().orElseThrow().post();
    assertTrue(text.text().endsWith("is late & <broken>"),
        text.text());
    assertTrue(text.permalink().startsWith("https://x.com/cust"), text.permalink());
  }

  /**
   * A mention without its id and a brand reply without its id, sent so on every request (the simulator's
   * {@code malformItem}): each is set aside and kept once however many cycles and sweeps see it, counted once,
   * named in health while the source stays ok; the rest of each page is handed on and the cursor moves past them
   * (X's {@code meta} ids). Before, the page failed on every cycle and the account went blind.
   */
  @Test
  void shouldSetAsideTweetsWithoutAnIdAndReadOnPastThem() throws Exception {
    String badMention = busy.customerPosts.get(190); // T0 + 10 min
    String badReply = busy.replyTo(192);
    XPoller poller = h.startMalformed(sim, poller(), badMention, badReply);
    SourceHealth.Status found = h.health.snapshot().get("x/AcmeSupport");
    assertEquals(SourceHealth.State.OK, found.state(), "not blind");
    assertTrue(found.detail().startsWith("ok; 1 unreadable item(s) set aside this cycle"), found.detail());
    h.steps(poller, 6, Duration.ofMinutes(5)); // to T0 + 40 min: a sweep re-reads the bad mention

    Map<String, Integer> counts = h.mentionCounts();
    List<String> due = new ArrayList<>(busy.customerPosts.subList(0, 221));
    due.remove(badMention);
    assertEquals(Set.copyOf(due), counts.keySet(), "every other mention up to T0 + 40 min");
    counts.forEach((m, n) -> assertEquals(1, n, "mention " + m + " ingested once"));
    Set<String> replies = new java.util.HashSet<>();
    h.batches.forEach(b -> b.brandPosts().forEach(p -> replies.add(p.id())));
    assertTrue(!replies.contains(badReply) && replies.containsAll(busy.replyToParent.keySet().stream()
        .filter(r -> !r.equals(badReply) && busy.timeline.all().stream().anyMatch(p -> p.id().equals(r)
            && p.createdAt().isBefore(h.clock.instant()))).toList()), "every other reply");
    var rows = h.rejectedTable.rows();
    assertEquals(List.of("mentions", "tweets"), rows.stream().map(r -> r.endpoint()).sorted().toList(), rows.toString());
    assertTrue(rows.stream().allMatch(r -> r.itemId() == null && r.reason().equals("missing field 'id'")),
        rows.toString());
    assertTrue(sim.requests().stream().anyMatch(r -> r.path().endsWith("/mentions") && r.at().isAfter(T0)
        && r.query() != null && r.query().contains("start_time")), "a sweep showed the bad mention again");
    assertEquals(2.0, h.rejectedItems(Platform.X), "each counted once");
    assertEquals(0.0, h.polls(Platform.X, "error"), "no cycle failed");
    assertEquals("ok", h.health.snapshot().get("x/AcmeSupport").detail());
    assertTrue(io.replywatch.ingest.Ids.ORDER.compare(h.cursors.get(Platform.X, "AcmeSupport", "mentions")
        .orElseThrow(), badMention) > 0, "the cursor moved past it");
  }

  /**
   * The mention and brand reply of the test above as an older parser set them aside, their stored JSON one that
   * today's parser reads: a restarted poller hands them on with its first batch, marks and counts each once, and
   * the next start hands on neither again ({@link ReadAgainCheck}). A tweet kept alone has no {@code includes.users}:
   * its author's id stands in for the handle, and the permalink needs none.
   */
  @Test
  void shouldReadTweetsSetAsideByAnOlderParserAgainAtStart() throws Exception {
    String badMention = busy.customerPosts.get(190);
    String badReply = busy.replyTo(192);
    XPoller first = h.startMalformed(sim, poller(), badMention, badReply);
    h.steps(first, 6, Duration.ofMinutes(5)); // the reply comes later
    h.stop(first.deploymentID());
    ReadAgainCheck check = new ReadAgainCheck(h.rejectedTable, h.batches, h.registry, Platform.X);
    check.makeReadable("mentions", n -> n.put("id", badMention));
    check.makeReadable("tweets", n -> n.put("id", badReply));
    PollBatch batch = check.run(() -> h.start(poller()), h::stop, p -> p.id().equals(badMention),
        p -> p.id().equals(badReply));
    Post mention = batch.mentions().get(0).post();
    assertEquals(badMention, mention.id(), "the oldest first: " + batch.mentions());
    assertEquals(mention.authorId(), mention.authorHandle(), "the author id for the handle");
    assertEquals("https://twitter.com/i/web/status/" + badMention, mention.permalink());
  }

  @Test
  void shouldRecoverAMentionXLeftOutOfSinceIdQueries() throws Exception {
    String late = busy.customerPosts.get(190); // T0 + 10 min
    sim.missFromSinceIdQueries(late);
    XPoller poller = poller();
    h.start(poller);
    h.steps(poller, 8, Duration.ofMinutes(5));
    Map<String, Integer> counts = h.mentionCounts();
    assertEquals(Set.copyOf(busy.customerPosts.subList(0, 221)), counts.keySet(), "up to T0 + 40 min, the late one too");
    counts.forEach((m, n) -> assertEquals(1, n, "mention " + m + " ingested once"));
  }

  @Test
  void shouldReadTheSearchWindowWhenTheSearchCursorAgedOut() throws Exception {
    Instant later = T0.plus(Duration.ofDays(8));
    String found = busy.timeline.add(later.minus(Duration.ofMinutes(3)), "77", "late", "acme still broken", false,
        null, "en");
    sim.searchOnly(found);
    XPoller poller = poller();
    h.start(poller);
    h.step(poller, Duration.ofMinutes(5));
    h.step(poller, Duration.between(h.clock.instant(), later));
    assertEquals(1, h.mentionCounts().get(found), "found by search after an 8-day outage");
    assertTrue(sim.requests().stream().anyMatch(r -> r.status() == 400 && r.path().endsWith("/search/recent")),
        "the stale since_id was refused, then the window read");
    SourceHealth.Status s = h.health.snapshot().get("x/AcmeSupport");
    assertEquals(SourceHealth.State.OK, s.state());
    assertTrue(s.detail().contains("gave up this cycle, not read: x search cursor since_id ")
        && s.detail().contains("are beyond the 7-day search window"), s.detail());
    assertEquals(1.0, h.registry.get("replywatch.source.ranges.dropped").tag("platform", "x").counter().count(),
        "the week the window no longer holds is counted as given up");
    h.step(poller, Duration.ofMinutes(5));
    assertEquals("ok", h.health.snapshot().get("x/AcmeSupport").detail());
    assertEquals(1.0, h.registry.get("replywatch.source.ranges.dropped").tag("platform", "x").counter().count());
  }

  @Test
  void shouldKeepReadingMentionsAndSaySoWhenXRefusesTheKeywordSearch() throws Exception {
    sim.refuseSearchQueries(true);
    XPoller poller = poller();
    h.start(poller);
    h.steps(poller, 4, Duration.ofMinutes(5));
    Map<String, Integer> counts = h.mentionCounts();
    assertTrue(counts.keySet().containsAll(busy.customerPosts.subList(0, 170).stream()
        .filter(id -> !busy.searchOnly.contains(id)).toList()), "the mentions still flow");
    assertTrue(busy.searchOnly.stream().noneMatch(counts::containsKey), "nothing found by the refused search");
    SourceHealth.Status s = h.health.snapshot().get("x/AcmeSupport");
    assertEquals(SourceHealth.State.OK, s.state());
    assertTrue(s.detail().startsWith("ok, but skipped this cycle: keyword search rejected ("), s.detail());
    assertTrue(h.health.ready());

    sim.refuseSearchQueries(false);
    h.step(poller, Duration.ofMinutes(5));
    assertEquals("ok", h.health.snapshot().get("x/AcmeSupport").detail());
    Map<String, Integer> after = h.mentionCounts();
    List<String> due = busy.timeline.all().stream()
        .filter(p -> busy.searchOnly.contains(p.id()) && p.createdAt().isBefore(h.clock.instant().minusSeconds(60)))
        .map(p -> p.id()).toList();
    assertTrue(!due.isEmpty() && after.keySet().containsAll(due), "once allowed again, the search catches up");
  }

  @Test
  void shouldSpreadANearlySpentDailyCapToItsResetAndSaySo() throws Exception {
    sim.appDailyLimit(6);
    XPoller poller = poller();
    h.start(poller);
    int used = sim.requests().size();
    Instant dayReset = sim.requests().get(0).at().plus(Duration.ofHours(24));
    SourceHealth.Status s = h.health.snapshot().get("x/AcmeSupport");
    assertEquals(SourceHealth.State.OK, s.state(), s.detail());
    assertTrue(s.detail().contains("next poll not before " + dayReset), s.detail());

    h.steps(poller, 5, Duration.ofHours(4));
    assertEquals(used, sim.requests().size(), "the requests kept in hand are not spent before the day's reset");
    h.step(poller, Duration.ofHours(5));
    assertTrue(sim.requests().size() > used, "polling resumes after the reset");
    assertTrue(sim.requests().stream().allMatch(r -> r.status() == 200), "never a 429");
    assertTrue(h.health.snapshot().get("x/AcmeSupport").detail()
        .contains("next poll not before " + dayReset.plus(Duration.ofHours(25))), "the next day is spread the same way");
  }

  @Test
  void shouldWaitForTheDailyResetAfterTheCapsOnly429() throws Exception {
    sim.appDailyLimit(3);
    XPoller poller = poller();
    h.start(poller);
    Instant dayReset = sim.requests().get(0).at().plus(Duration.ofHours(24));
    SourceHealth.Status s = h.health.snapshot().get("x/AcmeSupport");
    assertEquals(SourceHealth.State.FAILING, s.state());
    assertEquals("rate limited until " + dayReset, s.detail(), "the day's reset, not the 15-minute window's");

    int used = sim.requests().size();
    h.steps(poller, 5, Duration.ofHours(4));
    assertEquals(used, sim.requests().size(), "no request between the 429 and the day's reset");
    assertEquals(1, sim.requests().stream().filter(r -> r.status() == 429).count());
    h.step(poller, Duration.ofHours(5));
    assertTrue(sim.requests().size() > used, "polling resumes after the reset");
  }

  /**
   * Edits get a new id above since_id on X. A complaint answered and then edited must not come back as a new
   * mention (a false 30/60-minute alert), an unanswered one edited must not open a second episode, and the brand's
   * reply to the edited version must still close the episode. The batches go through a real tracker.
   */
  @Test
  void shouldTreatAnEditAsItsOriginalAndLetAReplyToTheEditAnswerIt() throws Exception {
    Timeline script = new Timeline();
    XSimulator edits = new XSimulator(script, h.clock, "42", "AcmeSupport", "bearer-secret", 180);
    h.deploy(edits);
    String answered = script.add(T0.minus(Duration.ofMinutes(10)), "7", "jane", "my order is late", false, null, "en");
    script.add(T0.minus(Duration.ofMinutes(5)), "42", "AcmeSupport", "on its way", true, answered, "en");
    edits.edit(answered, T0.plus(Duration.ofMinutes(2)), "my order is late!! #acme");
    String open = script.add(T0.plus(Duration.ofMinutes(6)), "8", "joe", "refund please", false, null, "en");
    String openEdit = edits.edit(open, T0.plus(Duration.ofMinutes(12)), "refund please, order 77");
    String reply = script.add(T0.plus(Duration.ofMinutes(17)), "42", "AcmeSupport", "done", true, openEdit, "en");
    PlatformSettings own = new PlatformSettings(edits.baseUrl(), Duration.ofMinutes(5), Duration.ofHours(24));
    XPoller poller = new XPoller(brand, brand.accounts().get(0), own, h.cursors, h.rejected, h.health, h.metrics, h.clock);

    h.start(poller); // T0: the complaint and its answer
    h.steps(poller, 4, Duration.ofMinutes(5)); // +5 its edit, +10 the second complaint, +15 its edit, +20 the reply

    assertEquals(Map.of(answered, 1, open, 1), h.mentionCounts(), "each complaint once, under its original id");
    Post replyPost = h.batches.stream().flatMap(b -> b.brandPosts().stream())
        .filter(p -> p.id().equals(reply)).findFirst().orElseThrow();
    assertEquals(Optional.of(open), replyPost.inReplyToId(), "the reply to the edit names the original");
    assertEquals(Optional.of(openEdit), h.cursors.get(Platform.X, "AcmeSupport", "mentions"),
        "since_id is the edit's own id, the newest seen");

    List<Episode> opened = new ArrayList<>();
    SlaTracker tracker = new SlaTracker(ConfigLoader.defaultPolicies(), new SlaListener() {
      @Override
      public void opened(Episode e) {
        opened.add(e);
      }
    });
    for (PollBatch b : h.batches) {
      b.mentions().forEach(m -> tracker.onMention(m, Posts.as(Category.COMPLAINT)));
      b.brandPosts().forEach(p -> tracker.onBrandReply(b.brand(), p));
    }
    assertEquals(2, opened.size(), "one episode per complaint, none for an edit");
    assertEquals(List.of(), List.copyOf(tracker.openEpisodes()), "both answered: nothing left to alert on");
  }

  @Test
  void shouldReportTheSourceBlindWhenTheTokenIsRevoked() throws Exception {
    sim.inject(Fault.of(Fault.Kind.UNAUTHORIZED));
    h.start(poller());
    SourceHealth.Status s = h.health.snapshot().get("x/AcmeSupport");
    assertEquals(SourceHealth.State.BLIND, s.state());
    assertTrue(s.detail().contains("token rejected") && !s.detail().contains("bearer-secret"), s.detail());
    assertTrue(!h.health.ready());
  }
}
