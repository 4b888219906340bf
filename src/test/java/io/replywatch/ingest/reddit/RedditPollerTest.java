package io.replywatch.ingest.reddit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig.Account;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.config.ReplywatchConfig.PlatformSettings;
import io.replywatch.config.Secret;
import io.replywatch.ingest.BusyTimeline;
import io.replywatch.ingest.PollerHarness;
import io.replywatch.ingest.ReadAgainCheck;
import io.replywatch.ingest.SourceHealth;
import io.replywatch.simulator.Fault;
import io.replywatch.simulator.reddit.RedditSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Reddit poller against the Reddit simulator: 300 mentions (inbox comments and searched posts) over several
 * pages with brand replies, a 429, a malformed page, an HTML 503, a token the API stops accepting, token expiry
 * and a restart; every mention once, every reply matched by {@code parent_id}, nothing sent before a reset.
 */
class RedditPollerTest {
  private static final Instant T0 = Instant.parse("2026-09-01T10:00:00Z");
  private static final Duration RETRY_AFTER = Duration.ofMinutes(2);
  private static final String CREDENTIALS = "client-id:client-secret:refresh-secret";

  private PollerHarness h;
  private BusyTimeline busy;
  private RedditSimulator sim;
  private Brand brand;

  private void setUp(int posts, int windowLimit) throws Exception {
    h = new PollerHarness(T0);
    busy = new BusyTimeline(T0.minus(Duration.ofHours(3)), posts, "42", "acmesupport");
    sim = new RedditSimulator(busy.timeline, h.clock, "acmesupport", "client-id", "client-secret", "refresh-secret",
        windowLimit);
    busy.searchOnly.forEach(sim::searchOnly);
    h.deploy(sim);
    Account account = new Account(Platform.REDDIT, "t2_42", "acmesupport", new Secret(CREDENTIALS));
    brand = new Brand("acme", List.of(account), Set.of(), List.of("acme"));
  }

  @AfterEach
  void tearDown() throws Exception {
    h.close();
  }

  private RedditPoller poller() {
    PlatformSettings settings = new PlatformSettings(sim.baseUrl(), Duration.ofSeconds(60), Duration.ofHours(24));
    return new RedditPoller(brand, brand.accounts().get(0), settings, h.cursors, h.rejected, h.health, h.metrics, h.clock);
  }

  private String fullname(String timelineId) {
    return (busy.searchOnly.contains(timelineId) ? "t3_" : "t1_") + Long.toString(Long.parseLong(timelineId), 36);
  }

  @Test
  void shouldIngestEveryMentionOnceAndMatchEveryReplyThroughFaultsAndARestart() throws Exception {
    setUp(300, 600);
    h.faultyDayWithRestart(this::poller, sim, RETRY_AFTER, s -> s.inject(Fault.of(Fault.Kind.UNAUTHORIZED)));

    Map<String, Integer> counts = h.mentionCounts();
    assertEquals(busy.customerPosts.stream().map(this::fullname).collect(Collectors.toSet()), counts.keySet());
    counts.forEach((m, n) -> assertEquals(1, n, "mention " + m + " ingested once"));
    Map<String, String> replies = new HashMap<>();
    busy.replyToParent.forEach((r, p) -> replies.put("t1_" + Long.toString(Long.parseLong(r), 36), fullname(p)));
    assertTrue(h.assertRepliesMatched(replies) >= 75);
    PollerHarness.assertQuietAfter429(sim, RETRY_AFTER);
    assertEquals(1.0, h.polls(Platform.REDDIT, "rate_limited"));
    assertEquals(2.0, h.polls(Platform.REDDIT, "error"));
    assertTrue(sim.tokensIssued() >= 3, "first token, after the 401, after expiry: " + sim.tokensIssued());
    assertEquals(SourceHealth.State.OK, h.health.snapshot().get("reddit/acmesupport").state());
    var post = h.batches.get(0).mentions().get(0).post();
    assertTrue(post.permalink().startsWith("https://www.reddit.com/r/acme/comments/"), post.permalink());
    assertTrue(post.conversationId().orElseThrow().startsWith("t3_"));
  }

  /**
   * An inbox comment and a brand comment without {@code created_utc}, sent so on every request (the simulator's
   * {@code malformItem}): each is set aside and kept once though every cycle reads its page again (a cycle reads
   * down to the cursor's page), counted once, named in health while the source stays ok; the rest is handed on,
   * the cursor moves past them and later mentions are seen. Before, the page failed on every cycle.
   */
  @Test
  void shouldSetAsideCommentsWithoutATimeAndReadOnPastThem() throws Exception {
    setUp(240, 600); // 180 before T0, the rest in the hour after
    String badMention = busy.customerPosts.get(190); // T0 + 10 min
    String badReply = busy.replyTo(192);
    RedditPoller poller = h.startMalformed(sim, poller(), badMention, badReply);
    SourceHealth.Status found = h.health.snapshot().get("reddit/acmesupport");
    assertEquals(SourceHealth.State.OK, found.state(), "not blind");
    assertTrue(found.detail().startsWith("ok; 1 unreadable item(s) set aside this cycle"), found.detail());
    h.steps(poller, 6, Duration.ofMinutes(5)); // to T0 + 40 min, each cycle reading the bad ones' page again

    Map<String, Integer> counts = h.mentionCounts();
    Set<String> due = busy.customerPosts.subList(0, 221).stream().filter(id -> !id.equals(badMention))
        .map(this::fullname).collect(Collectors.toSet());
    assertEquals(due, counts.keySet(), "every other mention up to T0 + 40 min");
    counts.forEach((m, n) -> assertEquals(1, n, "mention " + m + " ingested once"));
    String badReplyName = "t1_" + Long.toString(Long.parseLong(badReply), 36);
    assertTrue(h.batches.stream().flatMap(b -> b.brandPosts().stream()).noneMatch(p -> p.id().equals(badReplyName)));
    var rows = h.rejectedTable.rows();
    assertEquals(List.of(fullname(badMention), badReplyName), rows.stream().map(r -> r.itemId()).toList(),
        rows.toString());
    assertEquals(List.of("mentions", "comments"), rows.stream().map(r -> r.endpoint()).toList());
    assertTrue(rows.stream().allMatch(r -> r.reason().equals("missing created_utc") && r.lastSeen() > r.firstSeen()),
        "seen again by later cycles, kept once: " + rows);
    assertEquals(2.0, h.rejectedItems(Platform.REDDIT), "each counted once");
    assertEquals(0.0, h.polls(Platform.REDDIT, "error"), "no cycle failed");
    assertEquals("ok", h.health.snapshot().get("reddit/acmesupport").detail());
    assertTrue(io.replywatch.ingest.Ids.ORDER.compare(h.cursors.get(Platform.REDDIT, "acmesupport", "mentions")
        .orElseThrow(), fullname(badMention)) > 0, "the cursor moved past it");
  }

  /**
   * The inbox comment of the test above as an older parser set it aside, its stored JSON one that today's parser
   * reads: a restarted poller hands it on with its first batch, marks and counts it once, and the next start hands it
   * on no more ({@link ReadAgainCheck}). The brand comment, still without its time, stays set aside and unmarked.
   */
  @Test
  void shouldReadAnInboxCommentSetAsideByAnOlderParserAgainAtStart() throws Exception {
    setUp(240, 600);
    String badMention = busy.customerPosts.get(190);
    h.stop(h.startMalformed(sim, poller(), badMention, busy.replyTo(192)).deploymentID());
    Instant created = busy.timeline.all().stream().filter(p -> p.id().equals(badMention)).findFirst().orElseThrow()
        .createdAt();
    ReadAgainCheck check = new ReadAgainCheck(h.rejectedTable, h.batches, h.registry, Platform.REDDIT);
    check.makeReadable("mentions", n -> ((ObjectNode) n.get("data")).put("created_utc", created.getEpochSecond()));
    check.run(() -> h.start(poller()), h::stop, p -> p.id().equals(fullname(badMention)), null);
  }

  @Test
  void shouldStayInsideASmallBudgetWithoutEarningA429() throws Exception {
    setUp(40, 5);
    RedditPoller poller = poller();
    h.start(poller);
    h.steps(poller, 40, Duration.ofMinutes(1));
    assertTrue(sim.requests().stream().noneMatch(r -> r.status() == 429), "no 429 in normal operation");
    assertEquals(40, h.mentionCounts().size());
    assertEquals(0.0, h.polls(Platform.REDDIT, "rate_limited"));
    assertEquals(0.0, h.polls(Platform.REDDIT, "error"));
    assertTrue(sim.requests().size() < 3 * 40, "it waited for resets: " + sim.requests().size() + " requests");
    assertEquals(SourceHealth.State.OK, h.health.snapshot().get("reddit/acmesupport").state(), "waiting is no failure");
  }

  @Test
  void shouldNotGetStuckWhenTheCursorPostIsDeleted() throws Exception {
    setUp(240, 600); // 180 before T0, 60 in the hour after
    RedditPoller poller = poller();
    h.start(poller);
    String cursor = h.cursors.get(Platform.REDDIT, "acmesupport", "mentions").orElseThrow();
    sim.hideFromListings(cursor);
    h.steps(poller, 4, Duration.ofMinutes(20));
    assertEquals(240, h.mentionCounts().size(), "none lost after the anchor vanished");
    h.mentionCounts().forEach((m, n) -> assertEquals(1, n, m));
  }

  @Test
  void shouldWaitOutAnHtmlThrottlePageWithoutHeaders() throws Exception {
    setUp(200, 600);
    sim.throttleAsHtml();
    RedditPoller poller = poller();
    h.start(poller);
    sim.inject(new Fault(Fault.Kind.RATE_LIMIT, Duration.ofMinutes(1)));
    h.step(poller, Duration.ofMinutes(1));
    int sent = sim.requests().size();
    h.step(poller, Duration.ofSeconds(30));
    assertEquals(sent, sim.requests().size(), "no headers: wait a minute before asking again");
    h.step(poller, Duration.ofMinutes(1));
    h.step(poller, Duration.ofMinutes(20));
    PollerHarness.assertQuietAfter429(sim, Duration.ofMinutes(1));
    assertEquals(1.0, h.polls(Platform.REDDIT, "rate_limited"));
    assertEquals(200, h.mentionCounts().size());
  }

  @Test
  void shouldFollowAfterPastShortPagesAndSkipNothing() throws Exception {
    setUp(240, 600); // 180 before T0, one at T0, the rest in the hour after
    sim.shortPages(10);
    RedditPoller poller = poller();
    h.start(poller);
    assertEquals(181, h.mentionCounts().size(), "the backfill reads on past short pages");

    h.step(poller, Duration.ofMinutes(60));
    assertEquals(240, h.mentionCounts().size(), "and so does a cycle from the cursor");
    h.mentionCounts().forEach((m, n) -> assertEquals(1, n, m));
    Map<String, String> replies = new HashMap<>();
    busy.replyToParent.forEach((r, p) -> replies.put("t1_" + Long.toString(Long.parseLong(r), 36), fullname(p)));
    assertEquals(60, h.assertRepliesMatched(replies), "every brand reply too");
  }

  @Test
  void shouldKeepReadingMentionsAndSaySoWhenRedditRefusesTheKeywordSearch() throws Exception {
    setUp(200, 600); // 180 before T0
    sim.refuseSearchQueries(true);
    RedditPoller poller = poller();
    h.start(poller);
    List<String> before = busy.customerPosts.subList(0, 170);
    Set<String> found = h.mentionCounts().keySet();
    assertTrue(found.containsAll(before.stream().filter(id -> !busy.searchOnly.contains(id)).map(this::fullname)
        .toList()), "the mentions still flow");
    assertTrue(before.stream().filter(busy.searchOnly::contains).map(this::fullname).noneMatch(found::contains),
        "nothing found by the refused search");
    SourceHealth.Status s = h.health.snapshot().get("reddit/acmesupport");
    assertEquals(SourceHealth.State.OK, s.state());
    assertTrue(s.detail().startsWith("ok, but skipped this cycle: keyword search rejected (HTTP 400"), s.detail());

    sim.refuseSearchQueries(false);
    h.step(poller, Duration.ofMinutes(5));
    assertEquals("ok", h.health.snapshot().get("reddit/acmesupport").detail());
    assertTrue(h.mentionCounts().keySet().containsAll(before.stream().filter(busy.searchOnly::contains)
        .map(this::fullname).toList()), "once allowed again, the search catches up");
  }

  @Test
  void shouldTakeSubredditCommentsThatNameTheBrandAndSkipASubredditThatIsNotThere() throws Exception {
    setUp(60, 600); // T0 - 3 h to T0 - 2 h
    String named = busy.timeline.add(T0.minus(Duration.ofMinutes(30)), "88", "lurker",
        "ACME support never answered my ticket", false, null, "en");
    String chatter = busy.timeline.add(T0.minus(Duration.ofMinutes(20)), "89", "other", "anyone else seeing this?",
        false, null, "en");
    sim.subredditOnly(named);
    sim.subredditOnly(chatter);
    brand = new Brand("acme", brand.accounts(), Set.of(), List.of("acme"), List.of("acme", "NoSuchSub"));
    RedditPoller poller = poller();
    h.start(poller);

    Map<String, Integer> counts = h.mentionCounts();
    assertEquals(1, counts.get(fullname(named)), "a comment naming the brand is a mention");
    assertTrue(!counts.containsKey(fullname(chatter)), "a comment that does not is not");
    busy.customerPosts.forEach(id -> assertEquals(1, counts.get(fullname(id)), "inbox mention " + id + " once"));
    SourceHealth.Status s = h.health.snapshot().get("reddit/acmesupport");
    assertTrue(s.detail().startsWith("ok, but skipped this cycle: comments of r/NoSuchSub rejected (HTTP 404"),
        s.detail());

    String later = busy.timeline.add(T0.plus(Duration.ofMinutes(2)), "90", "late", "the acme app crashed", false,
        null, "en");
    sim.subredditOnly(later);
    h.step(poller, Duration.ofMinutes(5));
    Map<String, Integer> after = h.mentionCounts();
    assertEquals(1, after.get(fullname(later)), "a new comment after the cursor");
    assertEquals(1, after.get(fullname(named)), "the old one not again");
    assertTrue(sim.requests().stream().anyMatch(r -> r.path().equals("/r/acme/comments")));
  }

  @Test
  void shouldTakeACustomerFollowUpToABrandCommentThatNamesNoOneAsAMention() throws Exception {
    setUp(10, 600); // T0 - 3 h onwards; the brand answered the first
    String answer = busy.replyToParent.keySet().iterator().next();
    String followUp = busy.timeline.add(T0.minus(Duration.ofMinutes(30)), "77", "cust0", "still broken", false,
        answer, "en");
    String brandPost = busy.timeline.add(T0.minus(Duration.ofMinutes(25)), "42", "acmesupport",
        "Outage update: we are on it", true, null, "en");
    String onPost = busy.timeline.add(T0.minus(Duration.ofMinutes(20)), "78", "cust1", "mine too", false,
        brandPost, "en");
    RedditPoller poller = poller();
    h.start(poller);

    Map<String, Integer> counts = h.mentionCounts();
    assertEquals(1, counts.get(fullname(followUp)), "a reply to the brand's comment: " + counts.keySet());
    assertEquals(1, counts.get(fullname(onPost)), "a reply to the brand's post");
    var post = h.batches.stream().flatMap(b -> b.mentions().stream()).map(m -> m.post())
        .filter(p -> p.id().equals(fullname(followUp))).findFirst().orElseThrow();
    assertEquals("still broken", post.text(), "the body as written");
    assertEquals(java.util.Optional.of(fullname(answer)), post.inReplyToId());
    assertTrue(sim.requests().stream().anyMatch(r -> r.path().equals("/message/inbox")
        && r.query().contains("mark=false")), "read without marking the inbox read");

    String later = busy.timeline.add(T0.plus(Duration.ofMinutes(2)), "77", "cust0", "hello? still nothing", false,
        answer, "en");
    h.step(poller, Duration.ofMinutes(5));
    assertEquals(1, h.mentionCounts().get(fullname(later)), "a follow-up after the cursor");
    assertEquals(1, h.mentionCounts().get(fullname(followUp)), "the first not again");
  }

  @Test
  void shouldSkipAPrivateSubredditAndKeepTheMentionsReadThatCycle() throws Exception {
    setUp(60, 600);
    sim.forbid("/r/secret/comments");
    brand = new Brand("acme", brand.accounts(), Set.of(), List.of("acme"), List.of("secret", "acme"));
    RedditPoller poller = poller();
    h.start(poller);

    Map<String, Integer> counts = h.mentionCounts();
    busy.customerPosts.forEach(id -> assertEquals(1, counts.get(fullname(id)), "mention " + id + " handed on"));
    SourceHealth.Status s = h.health.snapshot().get("reddit/acmesupport");
    assertEquals(SourceHealth.State.OK, s.state(), s.detail());
    assertEquals("ok, but skipped this cycle: comments of r/secret forbidden (HTTP 403 Forbidden: private)",
        s.detail());
    assertTrue(sim.requests().stream().anyMatch(r -> r.path().equals("/r/acme/comments")), "the next subreddit too");
    assertEquals(1, sim.tokensIssued(), "a 403 is no stale token: no new one");
  }

  @Test
  void shouldReportTheSourceBlindWhenTheInboxIsForbidden() throws Exception {
    setUp(10, 600);
    sim.forbid("/message/inbox");
    h.start(poller());
    SourceHealth.Status s = h.health.snapshot().get("reddit/acmesupport");
    assertEquals(SourceHealth.State.BLIND, s.state(), s.detail());
    assertTrue(s.detail().contains("HTTP 403"), s.detail());
  }

  @Test
  void shouldReportTheSourceBlindWhenTheAppIsRevoked() throws Exception {
    setUp(10, 600);
    sim.revoke();
    h.start(poller());
    SourceHealth.Status s = h.health.snapshot().get("reddit/acmesupport");
    assertEquals(SourceHealth.State.BLIND, s.state());
    assertTrue(s.detail().contains("token rejected") && !s.detail().contains("secret"), s.detail());
  }

  private double rangesDropped() {
    return h.registry.get("replywatch.source.ranges.dropped").tag("platform", "reddit").counter().count();
  }

  /**
   * An hour unread with more new inbox items than the listing reaches (the simulator's reach cut to 20 things):
   * the read ends with no {@code after} short of the stored cursor, so the mentions in between are out of reach.
   * That is counted once, named in health and logged; the cursor moves to the newest and later mentions are read.
   */
  @Test
  void shouldGiveUpWhatAnOutagePushedBeyondTheListingReach() throws Exception {
    setUp(240, 600); // 180 before T0, one at T0, the rest in the hour after
    RedditPoller poller = poller();
    h.start(poller);
    String cursor = h.cursors.get(Platform.REDDIT, "acmesupport", "mentions").orElseThrow();
    assertEquals(0.0, rangesDropped(), "registered at 0");
    sim.reach(20);
    h.step(poller, Duration.ofMinutes(60)); // 53 new inbox items, 20 within reach

    assertEquals(1.0, rangesDropped());
    SourceHealth.Status s = h.health.snapshot().get("reddit/acmesupport");
    assertEquals(SourceHealth.State.OK, s.state(), s.detail());
    assertTrue(s.detail().matches("ok; gave up this cycle, not read: reddit mentions between t1_\\w+ \\(\\S+\\) and "
        + cursor + ": beyond the listing's reach"), s.detail());
    List<String> inbox = busy.customerPosts.stream().filter(id -> !busy.searchOnly.contains(id)).toList();
    Set<String> found = h.mentionCounts().keySet();
    assertTrue(found.containsAll(inbox.subList(inbox.size() - 20, inbox.size()).stream().map(this::fullname)
        .toList()), "the newest 20 are read");
    assertTrue(!found.contains(fullname(inbox.get(inbox.size() - 21))), "the one just out of reach is not");

    String later = busy.timeline.add(T0.plus(Duration.ofMinutes(62)), "77", "cust0", "u/acmesupport hello?", false,
        null, "en");
    h.step(poller, Duration.ofMinutes(5));
    assertEquals(1, h.mentionCounts().get(fullname(later)), "a later mention is read");
    assertEquals(1.0, rangesDropped(), "given up once");
    assertEquals("ok", h.health.snapshot().get("reddit/acmesupport").detail());
  }

  /** Cycles that each have fewer new items than the reach meet their cursor: nothing is given up. */
  @Test
  void shouldGiveUpNothingWhenEachCycleReachesItsCursor() throws Exception {
    setUp(240, 600);
    sim.reach(20);
    sim.shortPages(3);
    RedditPoller poller = poller();
    h.start(poller); // the backfill reads the 20 newest inbox items: a listing that ends is no loss on a first start
    h.steps(poller, 12, Duration.ofMinutes(5));
    assertEquals(0.0, rangesDropped());
    Set<String> found = h.mentionCounts().keySet();
    assertTrue(found.containsAll(busy.customerPosts.subList(181, 240).stream().map(this::fullname).toList()),
        "every mention after the start");
    assertEquals("ok", h.health.snapshot().get("reddit/acmesupport").detail());
  }
}
