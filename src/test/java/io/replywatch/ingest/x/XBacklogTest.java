package io.replywatch.ingest.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig.Account;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.config.ReplywatchConfig.PlatformSettings;
import io.replywatch.config.Secret;
import io.replywatch.ingest.BusyTimeline;
import io.replywatch.ingest.Paging;
import io.replywatch.ingest.PollerHarness;
import io.replywatch.ingest.SourceHealth;
import io.replywatch.simulator.Fault;
import io.replywatch.simulator.SimRequest;
import io.replywatch.simulator.Timeline;
import io.replywatch.simulator.x.XSimulator;
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
 * The X poller's backlog: a keyword search that outgrows {@link Paging#MAX_PAGES} pages in one cycle (an outage)
 * leaves the rest as a range read by {@code until_id} on the next cycles, exactly once, across a restart too; a
 * cycle with no backlog sends what it always did.
 */
class XBacklogTest {
  private static final Instant T0 = Instant.parse("2026-09-01T10:00:00Z");

  private PollerHarness h;
  private Timeline timeline;
  private XSimulator sim;
  private Brand brand;
  private final List<String> found = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    h = new PollerHarness(T0);
    timeline = new Timeline();
    sim = new XSimulator(timeline, h.clock, "42", "AcmeSupport", "bearer-secret", 450);
    h.deploy(sim);
    Account account = new Account(Platform.X, "42", "AcmeSupport", new Secret("bearer-secret"));
    brand = new Brand("acme", List.of(account), Set.of(), List.of("acme"));
    // One hit before the start, so the search has a since_id cursor when the outage begins.
    found.add(searchHit(T0.minus(Duration.ofMinutes(5)), -1));
  }

  @AfterEach
  void tearDown() throws Exception {
    h.close();
  }

  private XPoller poller() {
    PlatformSettings settings = new PlatformSettings(sim.baseUrl(), Duration.ofSeconds(60), Duration.ofHours(24));
    return new XPoller(brand, brand.accounts().get(0), settings, h.cursors, h.rejected, h.health, h.metrics, h.clock);
  }

  private String searchHit(Instant at, int i) {
    String id = timeline.add(at, "7" + Math.floorMod(i, 40), "cust" + Math.floorMod(i, 40), "acme is down #" + i,
        false, null, "en");
    sim.searchOnly(id);
    return id;
  }

  /** {@code count} keyword hits, two a second from T0 + 1 min (at most 6,000: within the hour after T0). */
  private void outage(int count) {
    for (int i = 0; i < count; i++) {
      found.add(searchHit(T0.plus(Duration.ofMinutes(1)).plusMillis(i * 500L), i));
    }
  }

  private List<Map<String, String>> searches() {
    return sim.requests().stream().filter(r -> r.path().endsWith("/search/recent")).map(SimRequest::params)
        .toList();
  }

  private double backlogSeconds() {
    return h.registry.get("replywatch.source.backlog").tag("platform", "x").gauge().value();
  }

  private void assertEachFoundOnce() {
    Map<String, Integer> counts = h.mentionCounts();
    assertEquals(Set.copyOf(found), counts.keySet(), "every keyword hit handed on");
    counts.forEach((id, n) -> assertEquals(1, n, "hit " + id + " handed on once"));
  }

  @Test
  void shouldReadMoreThanTheCapOfSearchPagesAfterAnOutageOverTheNextCycles() throws Exception {
    outage(3_050); // 31 pages
    XPoller poller = poller();
    h.start(poller);
    String cursor = h.cursors.get(Platform.X, "AcmeSupport", "search").orElseThrow();
    assertEquals(found.get(0), cursor);
    int before = searches().size();

    h.step(poller, Duration.ofHours(1).plusMinutes(5));
    assertEquals(Paging.MAX_PAGES, searches().size() - before, "one cycle reads at most the cap");
    String oldestRead = found.get(found.size() - 2_500);
    assertEquals(Optional.of(cursor + ".." + oldestRead), h.cursors.get(Platform.X, "AcmeSupport", "search:backlog"),
        "the range below the oldest post read is kept");
    assertEquals(Optional.of(found.get(found.size() - 1)), h.cursors.get(Platform.X, "AcmeSupport", "search"),
        "the cursor moves to the newest as before");
    assertEquals(2_500, h.mentionCounts().size() - 1);
    Instant lower = T0.minus(Duration.ofMinutes(5)); // the cursor's tweet: its snowflake id says when
    assertEquals(Duration.between(lower, h.clock.instant()).toSeconds(), backlogSeconds(), "how far back it reaches");
    String detail = h.health.snapshot().get("x/AcmeSupport").detail();
    assertTrue(detail.startsWith("ok; reading a backlog back to " + lower), detail);
    h.clock.advance(Duration.ofMinutes(1));
    assertEquals(Duration.between(lower, h.clock.instant()).toSeconds(), backlogSeconds(), "read at each scrape");

    int afterOutage = searches().size();
    h.step(poller, Duration.ofMinutes(5));
    List<Map<String, String>> next = searches().subList(afterOutage, searches().size());
    assertEquals(Optional.of(found.get(found.size() - 1)), Optional.ofNullable(next.get(0).get("since_id")),
        "new posts first, from the new cursor");
    assertTrue(!next.get(0).containsKey("until_id"));
    Map<String, String> backlog = next.get(1);
    assertEquals(cursor, backlog.get("since_id"), "then the backlog, down to the old cursor");
    assertEquals(oldestRead, backlog.get("until_id"), "from just below the oldest post read");
    assertEachFoundOnce();
    assertEquals(Optional.of(""), h.cursors.get(Platform.X, "AcmeSupport", "search:backlog"), "nothing left");
    assertEquals(0, backlogSeconds());
    assertTrue(!h.health.snapshot().get("x/AcmeSupport").detail().contains("backlog"), "health says no more");
    assertEquals(0, h.registry.get("replywatch.source.ranges.dropped").counter().count(), "nothing given up");

    int settledAt = searches().size();
    h.step(poller, Duration.ofMinutes(5));
    assertTrue(searches().subList(settledAt, searches().size()).stream().noneMatch(q -> q.containsKey("until_id")),
        "an empty backlog sends nothing");
    assertEachFoundOnce();
  }

  @Test
  void shouldFinishTheBacklogAfterARestartInTheMiddleOfIt() throws Exception {
    outage(6_000); // 60 pages: 25 new, then 24 of backlog a cycle beside the cycle's page of new posts
    XPoller first = poller();
    String id = h.start(first);
    h.step(first, Duration.ofHours(1).plusMinutes(5));
    h.step(first, Duration.ofMinutes(5));
    String left = h.cursors.get(Platform.X, "AcmeSupport", "search:backlog").orElseThrow();
    assertTrue(!left.isEmpty(), "still a backlog when stopped: " + left);
    assertTrue(h.mentionCounts().size() < found.size());
    h.stop(id);

    h.clock.advance(Duration.ofMinutes(10));
    String late = searchHit(h.clock.instant().minus(Duration.ofMinutes(2)), 9_999); // posted while down
    found.add(late);
    XPoller second = poller();
    sim.inject(Fault.of(Fault.Kind.SERVER_ERROR)); // its first cycle fails: what it says comes from the store alone
    h.start(second);
    assertTrue(backlogSeconds() > 0, "a restarted poller says at once that it has a backlog to read");
    h.steps(second, 3, Duration.ofMinutes(5));
    assertEachFoundOnce();
    assertEquals(Optional.of(""), h.cursors.get(Platform.X, "AcmeSupport", "search:backlog"));
  }

  /** A search backlog not read before it left X's 7-day window is given up, and counted: nothing blocks on it. */
  @Test
  void shouldGiveUpASearchBacklogThatAgedOutOfTheWindowAndCountIt() throws Exception {
    outage(3_050);
    XPoller poller = poller();
    h.start(poller);
    h.step(poller, Duration.ofHours(1).plusMinutes(5));
    assertTrue(!h.cursors.get(Platform.X, "AcmeSupport", "search:backlog").orElseThrow().isEmpty());

    h.step(poller, Duration.ofDays(8)); // down for eight days: cursor and range are both past the window
    SourceHealth.Status s = h.health.snapshot().get("x/AcmeSupport");
    assertEquals(SourceHealth.State.OK, s.state());
    assertTrue(s.detail().contains("x search cursor since_id " + found.get(found.size() - 1))
        && s.detail().contains("x search range " + found.get(0) + ".."), s.detail());
    assertEquals(2, h.registry.get("replywatch.source.ranges.dropped").tag("platform", "x").counter().count(),
        "the cursor's week and the range, each given up once");
    assertEquals(Optional.of(""), h.cursors.get(Platform.X, "AcmeSupport", "search:backlog"), "nothing kept for it");
    assertEquals(0, backlogSeconds());
    h.step(poller, Duration.ofMinutes(5));
    assertEquals(2, h.registry.get("replywatch.source.ranges.dropped").tag("platform", "x").counter().count());
  }

  /**
   * A keyword hit at the start of an outage, answered at once, then 2,600 brand tweets: the search finds the hit on
   * its first page while the reply lies beyond the tweets' cap. The mention waits until the reply is read.
   */
  @Test
  void shouldHandOnNoMentionBeforeTheBrandsOwnTweetsAreReadBackToIt() throws Exception {
    XPoller poller = poller();
    h.start(poller);
    String asked = searchHit(T0.plus(Duration.ofMinutes(1)), 5_000);
    String reply = timeline.add(T0.plus(Duration.ofMinutes(2)), "42", "AcmeSupport", "@cust0 sorry, on it", true,
        asked, "en");
    for (int i = 0; i < 2_600; i++) {
      timeline.add(T0.plus(Duration.ofMinutes(3)).plusMillis(i * 500L), "42", "AcmeSupport", "news #" + i, true, null,
          "en");
    }
    h.steps(poller, 3, Duration.ofHours(1));
    int mentionBatch = -1;
    int replyBatch = -1;
    for (int i = 0; i < h.batches.size(); i++) {
      if (h.batches.get(i).mentions().stream().anyMatch(m -> m.post().id().equals(asked))) {
        mentionBatch = i;
      }
      if (h.batches.get(i).brandPosts().stream().anyMatch(p -> p.id().equals(reply))) {
        replyBatch = i;
      }
    }
    assertTrue(replyBatch >= 0 && mentionBatch >= replyBatch, "the reply (batch " + replyBatch + ") is handed on "
        + "no later than its mention (batch " + mentionBatch + ")");
    assertEquals(2_601, h.batches.stream().mapToLong(b -> b.brandPosts().size()).sum(), "every own tweet once");
    assertEquals(Optional.of(""), h.cursors.get(Platform.X, "AcmeSupport", "tweets:backlog"));
  }

  /** The simulator's since_id and until_id are both exclusive, as X's are (social-apis.md §1.3). */
  @Test
  void shouldServeOnlyWhatLiesStrictlyBetweenSinceIdAndUntilId() throws Exception {
    outage(20);
    h.clock.advance(Duration.ofMinutes(2));
    String since = found.get(3);
    String until = found.get(9);
    var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(sim.baseUrl() + "/2/tweets/search/recent?query=acme&max_results=10&since_id=" + since
                + "&until_id=" + until)).header("Authorization", "Bearer bearer-secret").build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    List<String> ids = XParser.page(response.body()).posts().stream().map(p -> p.id()).toList();
    assertEquals(List.of(found.get(8), found.get(7), found.get(6), found.get(5), found.get(4)), ids);
  }

  /** Without a backlog the poller sends exactly what it sent before the backlog existed: no until_id, no extra. */
  @Test
  void shouldSendTheSameRequestsAsBeforeWhenThereIsNoBacklog() throws Exception {
    BusyTimeline busy = new BusyTimeline(T0.minus(Duration.ofHours(3)), 300, "42", "AcmeSupport");
    XSimulator busySim = new XSimulator(busy.timeline, h.clock, "42", "AcmeSupport", "bearer-secret", 180);
    busy.searchOnly.forEach(busySim::searchOnly);
    h.deploy(busySim);
    PlatformSettings settings = new PlatformSettings(busySim.baseUrl(), Duration.ofSeconds(60), Duration.ofHours(24));
    XPoller poller = new XPoller(brand, brand.accounts().get(0), settings, h.cursors, h.rejected, h.health, h.metrics, h.clock);
    h.start(poller);
    List<String> first = busySim.requests().stream().map(r -> r.path() + " " + strip(r.params())).toList();
    assertEquals(List.of(
        "/2/users/42/mentions {max_results=100, start_time=2026-08-31T10:00:00Z}",
        "/2/users/42/mentions {max_results=100, pagination_token=*, start_time=2026-08-31T10:00:00Z}",
        "/2/tweets/search/recent {max_results=100, query=(acme) -is:retweet, sort_order=recency, "
            + "start_time=2026-08-31T10:00:00Z}",
        "/2/users/42/tweets {max_results=100, start_time=2026-08-31T10:00:00Z}"), first);
    int n = busySim.requests().size();
    h.step(poller, Duration.ofMinutes(5));
    List<String> next = busySim.requests().subList(n, busySim.requests().size()).stream()
        .map(r -> r.path() + " " + strip(r.params())).toList();
    assertEquals(3, next.size(), "one request an endpoint: " + next);
    assertTrue(next.get(0).startsWith("/2/users/42/mentions {max_results=100, since_id="), next.get(0));
    assertTrue(next.get(1).startsWith("/2/tweets/search/recent {max_results=100, query=(acme) -is:retweet, "
        + "since_id="), next.get(1));
    assertTrue(next.get(2).startsWith("/2/users/42/tweets {max_results=100, since_id="), next.get(2));
    assertTrue(busySim.requests().stream().noneMatch(r -> r.params().containsKey("until_id")));
    assertTrue(h.cursors.get(Platform.X, "AcmeSupport", "mentions:backlog").isEmpty(), "no entry written");
    assertTrue(h.cursors.get(Platform.X, "AcmeSupport", "search:backlog").isEmpty());
    assertTrue(h.cursors.get(Platform.X, "AcmeSupport", "tweets:backlog").isEmpty());
  }

  /** The query without the field parameters every request carries; tokens as {@code *}. */
  private static String strip(Map<String, String> q) {
    Map<String, String> out = new java.util.TreeMap<>(q);
    out.keySet().removeAll(Set.of("tweet.fields", "expansions", "user.fields"));
    out.replaceAll((k, v) -> k.endsWith("_token") ? "*" : v);
    return out.toString();
  }
}
