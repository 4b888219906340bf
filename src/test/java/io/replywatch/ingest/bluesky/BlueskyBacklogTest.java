package io.replywatch.ingest.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig.Account;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.config.ReplywatchConfig.PlatformSettings;
import io.replywatch.config.Secret;
import io.replywatch.ingest.PollBatch;
import io.replywatch.ingest.PollerHarness;
import io.replywatch.ingest.SourceHealth;
import io.replywatch.simulator.SimRequest;
import io.replywatch.simulator.Timeline;
import io.replywatch.simulator.bluesky.BlueskySimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bluesky's backlog: notifications that outgrow {@link BlueskyPaging#MAX_PAGES} pages in one cycle (an outage) leave
 * the rest as a range read on from its cursor by the next cycles, exactly once, across a restart too; a cursor the
 * AppView refuses gives its range up, said and counted; and no mention is handed on before the brand's own posts
 * are read back to it.
 */
class BlueskyBacklogTest {
  private static final Instant T0 = Instant.parse("2026-09-01T10:00:00Z");
  private static final String DID = "did:plc:acmebrand222333344445555";
  private static final String HANDLE = "acme.bsky.social";
  private static final String PASSWORD = "abcd-efgh-ijkl-mnop";
  /** 150 pages of 100: half as many again as one cycle may read. */
  private static final int OUTAGE = 15_000;

  private PollerHarness h;
  private Timeline timeline;
  private Timeline keywordPosts;
  private BlueskySimulator sim;
  private final List<String> mentions = new ArrayList<>();
  private final Map<String, String> authors = new HashMap<>();

  @BeforeEach
  void setUp() throws Exception {
    h = new PollerHarness(T0);
    timeline = new Timeline();
    keywordPosts = new Timeline();
    sim = new BlueskySimulator(timeline, h.clock, DID, HANDLE, PASSWORD).withKeywordPosts(keywordPosts);
    h.deploy(sim);
    // One mention before the start, so notifications have a mark when the outage begins.
    mentions.add(mention(T0.minus(Duration.ofMinutes(5)), -1));
  }

  @AfterEach
  void tearDown() throws Exception {
    h.close();
  }

  private BlueskyPoller poller(List<String> keywords) {
    Account account = new Account(Platform.BLUESKY, DID, HANDLE, new Secret(PASSWORD));
    Brand brand = new Brand("acme", List.of(account), Set.of(), keywords);
    PlatformSettings settings = new PlatformSettings(sim.baseUrl(), Duration.ofSeconds(60), Duration.ofHours(24));
    return new BlueskyPoller(brand, account, settings, h.cursors, h.rejected, h.health, h.metrics, h.clock);
  }

  private String mention(Instant at, int i) {
    String author = "7" + Math.floorMod(i, 40);
    String id = timeline.add(at, author, "cust" + Math.floorMod(i, 40), "my order #" + i + " is late", false, null,
        "en");
    authors.put(id, author);
    return id;
  }

  /** {@code count} mentions four a second from T0 + 1 min: 15,000 take until T0 + 1h03m30s, 25,000 to T0 + 1h45m. */
  private void outage(int count) {
    for (int i = 0; i < count; i++) {
      mentions.add(mention(T0.plus(Duration.ofMinutes(1)).plusMillis(i * 250L), i));
    }
  }

  /** Bluesky's post ids are at-uris: the key the poller hands mentions on by. */
  private Set<String> uris(List<String> timelineIds) {
    return Set.copyOf(timelineIds.stream().map(this::uri).toList());
  }

  /** The at-uri the simulator serves a customer's post under (BlueskyJson: the author's DID, the id in base 32). */
  private String uri(String timelineId) {
    String author = authors.get(timelineId);
    return "at://did:plc:c" + author + "/app.bsky.feed.post/3" + Long.toString(Long.parseLong(timelineId), 32);
  }

  private void assertEachMentionOnce() {
    Map<String, Integer> counts = h.mentionCounts();
    assertEquals(uris(mentions), counts.keySet(), "every mention handed on");
    counts.forEach((id, n) -> assertEquals(1, n, "mention " + id + " handed on once"));
  }

  private List<Map<String, String>> notificationRequests() {
    return sim.requests().stream().filter(r -> r.path().endsWith("listNotifications"))
        .map(SimRequest::params).toList();
  }

  private Optional<String> stored(String entry) {
    return h.cursors.get(Platform.BLUESKY, HANDLE, entry);
  }

  private double backlogSeconds() {
    return h.registry.get("replywatch.source.backlog").tag("platform", "bluesky").gauge().value();
  }

  private double dropped() {
    return h.registry.get("replywatch.source.ranges.dropped").tag("platform", "bluesky").counter().count();
  }

  private SourceHealth.Status health() {
    return h.health.snapshot().get("bluesky/" + HANDLE);
  }

  @Test
  void shouldReadMoreThanTheCapOfNotificationPagesAfterAnOutageOverTheNextCycles() throws Exception {
    outage(OUTAGE);
    BlueskyPoller poller = poller(List.of());
    h.start(poller);
    String mark = stored("notifications").orElseThrow();
    int before = notificationRequests().size();

    h.step(poller, Duration.ofHours(1).plusMinutes(5));
    assertEquals(BlueskyPaging.MAX_PAGES, notificationRequests().size() - before, "one cycle reads at most the cap");
    List<Gap> gaps = Gap.parse(stored("notifications:backlog").orElseThrow());
    assertEquals(1, gaps.size());
    assertEquals(mark, gaps.get(0).stop().encode(), "the range reaches down to the old mark");
    Instant newest = T0.plus(Duration.ofMinutes(1)).plusMillis((OUTAGE - 1) * 250L).plusMillis(700); // + index delay
    assertEquals(newest, HighWater.decode(stored("notifications")).orElseThrow().at(), "the new mark covers the newest");
    assertEquals(1 + 10_000, h.mentionCounts().size(), "the newest 100 pages handed on");
    Instant lower = gaps.get(0).lowerBound();
    assertEquals(Duration.between(lower, h.clock.instant()).toMillis() / 1000.0, backlogSeconds(), 0.001);
    assertEquals(SourceHealth.State.OK, health().state());
    assertTrue(health().detail().startsWith("ok; reading a backlog back to " + lower), health().detail());

    int afterOutage = notificationRequests().size();
    h.step(poller, Duration.ofMinutes(5));
    List<Map<String, String>> next = notificationRequests().subList(afterOutage, notificationRequests().size());
    assertFalse(next.get(0).containsKey("cursor"), "new posts first, from the newest");
    assertEquals(gaps.get(0).cursor(), next.get(1).get("cursor"), "then the range, on from its cursor");
    assertEquals(2 + 50, next.size(), "one page of new posts, then the 50 pages of the range");
    assertFalse(next.get(0).containsKey("reasons"), "every notification's place is read, not only mentions'");
    assertEachMentionOnce();
    assertEquals(Optional.of(""), stored("notifications:backlog"), "nothing left");
    assertEquals(0, backlogSeconds());
    assertFalse(health().detail().contains("backlog"), health().detail());

    int settled = notificationRequests().size();
    h.step(poller, Duration.ofMinutes(5));
    assertEquals(1, notificationRequests().size() - settled, "an empty backlog sends nothing");
    assertEachMentionOnce();
    assertEquals(0, dropped());
  }

  @Test
  void shouldFinishTheBacklogAfterARestartInTheMiddleOfIt() throws Exception {
    outage(25_000); // 250 pages: 100 new, then 99 of the range beside a page of new posts, then the rest
    BlueskyPoller first = poller(List.of());
    String id = h.start(first);
    h.step(first, Duration.ofHours(1).plusMinutes(50));
    Gap whole = Gap.parse(stored("notifications:backlog").orElseThrow()).get(0);
    h.step(first, Duration.ofMinutes(5));
    Gap rest = Gap.parse(stored("notifications:backlog").orElseThrow()).get(0);
    assertEquals(whole.stop(), rest.stop(), "the range shrank from above: same mark");
    assertTrue(!rest.cursor().equals(whole.cursor()), "read on from a cursor further down");
    assertTrue(h.mentionCounts().size() < mentions.size(), "a range left when stopped");
    h.stop(id);

    h.clock.advance(Duration.ofMinutes(10));
    mentions.add(mention(h.clock.instant().minus(Duration.ofMinutes(2)), 99_999)); // posted while down
    BlueskyPoller second = poller(List.of());
    h.start(second);
    h.steps(second, 2, Duration.ofMinutes(5));
    assertEachMentionOnce();
    assertEquals(Optional.of(""), stored("notifications:backlog"));
  }

  @Test
  void shouldGiveUpARangeWhoseCursorTheAppViewRefusesAndSaySo() throws Exception {
    outage(OUTAGE);
    BlueskyPoller poller = poller(List.of());
    h.start(poller);
    h.step(poller, Duration.ofHours(1).plusMinutes(5));
    Gap gap = Gap.parse(stored("notifications:backlog").orElseThrow()).get(0);
    sim.refuseCursor(gap.cursor());
    String late = mention(h.clock.instant().plus(Duration.ofMinutes(1)), 77_777);

    h.step(poller, Duration.ofMinutes(5));
    assertEquals(SourceHealth.State.OK, health().state(), "a refused range does not fail the source");
    assertTrue(health().detail().contains("gave up this cycle, not read: bluesky notifications range back to "
        + gap.lowerBound() + ": its cursor was refused (HTTP 400 InvalidRequest: Malformed cursor)"), health().detail());
    assertEquals(1, dropped());
    assertEquals(Optional.of(""), stored("notifications:backlog"), "the range is gone");
    assertEquals(0, backlogSeconds());
    assertEquals(1, h.mentionCounts().get(uri(late)), "the new mentions go on");

    h.step(poller, Duration.ofMinutes(5));
    assertEquals(1, dropped(), "given up once");
    assertFalse(health().detail().contains("gave up"), health().detail());
    assertTrue(sim.requests().stream().filter(r -> r.status() == 400).count() == 1, "the cursor is not tried again");
  }

  /**
   * A keyword post at the start of an outage, answered at once, then 11,000 brand posts: the search finds the post
   * on its first page while the reply lies beyond the own posts' cap. The mention waits until the reply is read.
   */
  @Test
  void shouldHandOnNoMentionBeforeTheBrandsOwnPostsAreReadBackToIt() throws Exception {
    BlueskyPoller poller = poller(List.of("acme"));
    h.start(poller);
    String asked = keywordPosts.add(T0.plus(Duration.ofMinutes(1)), "55", "kim", "is acme open on sunday?", false,
        null, "en");
    timeline.add(T0.plus(Duration.ofMinutes(2)), DID, HANDLE, "Hi Kim, yes: 11-18.", true, asked, "en");
    for (int i = 0; i < 11_000; i++) {
      timeline.add(T0.plus(Duration.ofMinutes(3)).plusMillis(i * 300L), DID, HANDLE, "news #" + i, true, null, "en");
    }
    h.steps(poller, 4, Duration.ofHours(1));

    int mentionBatch = -1;
    int replyBatch = -1;
    for (int i = 0; i < h.batches.size(); i++) {
      PollBatch b = h.batches.get(i);
      if (b.mentions().stream().anyMatch(m -> m.post().text().contains("open on sunday"))) {
        mentionBatch = i;
      }
      if (b.brandPosts().stream().anyMatch(p -> p.text().startsWith("Hi Kim"))) {
        replyBatch = i;
      }
    }
    assertTrue(replyBatch >= 0 && mentionBatch >= replyBatch, "the reply (batch " + replyBatch + ") is handed on "
        + "no later than its mention (batch " + mentionBatch + ")");
    assertEquals(11_001, h.batches.stream().mapToLong(b -> b.brandPosts().size()).sum(), "every own post once");
    assertEquals(Optional.of(""), stored("authorFeed:backlog"));
  }
}
