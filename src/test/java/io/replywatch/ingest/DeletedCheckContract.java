package io.replywatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig.PlatformSettings;
import io.replywatch.simulator.Fault;
import io.replywatch.simulator.SimulatorBase;
import io.replywatch.simulator.Timeline;
import io.replywatch.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deleted-post check of one platform's real poller against its simulator, on a manual clock: an episode closes
 * only when two looks a check interval apart both found its post gone, and a look in between that saw the post, or
 * got no answer (5xx, malformed body), starts over. Each platform's test says how to build its simulator and poller.
 */
public abstract class DeletedCheckContract {
  protected static final Instant T0 = Instant.parse("2026-09-01T10:00:00Z");
  protected static final Duration CHECK = Duration.ofMinutes(10);

  protected PollerHarness h;
  protected FakeEpisodes episodes;
  protected final Timeline timeline = new Timeline();
  protected SimulatorBase sim;
  /** Simulator ids of two waiting mentions: the first is the one deleted. */
  protected String first;
  protected String second;

  /** The platform's simulator serving {@code timeline}. */
  protected abstract SimulatorBase simulator(Timeline timeline, ManualClock clock);

  /** The platform's poller against {@link #sim}, with {@code settings}, on {@link #h}'s stores and clock. */
  protected abstract Poller poller(PlatformSettings settings);

  protected abstract Platform platform();

  /** A post's id as the poller writes it (Bluesky an at:// URI, Reddit a fullname), from its simulator id. */
  protected abstract String postId(String simId);

  /** Adds a customer's mention of the brand at {@code at}; returns its simulator id. */
  protected abstract String mention(Timeline timeline, Instant at, String text);

  @BeforeEach
  void setUp() throws Exception {
    h = new PollerHarness(T0);
    episodes = new FakeEpisodes(h.vertx);
    first = mention(timeline, T0.minus(Duration.ofMinutes(20)), "my order never came");
    second = mention(timeline, T0.minus(Duration.ofMinutes(10)), "still waiting for a refund");
    sim = simulator(timeline, h.clock);
    h.deploy(sim);
  }

  @AfterEach
  void tearDown() throws Exception {
    h.close();
  }

  protected PlatformSettings settings(Optional<Duration> check) {
    return new PlatformSettings(sim.baseUrl(), Duration.ofSeconds(60), Duration.ofHours(1), check);
  }

  /** Starts the poller watching both mentions' episodes; its first cycle makes the first look. */
  protected Poller start() throws Exception {
    episodes.open(platform(), T0.minus(Duration.ofMinutes(20)), postId(first));
    episodes.open(platform(), T0.minus(Duration.ofMinutes(10)), postId(second));
    Poller poller = poller(settings(Optional.of(CHECK))).watchDeletions(episodes);
    h.start(poller);
    return poller;
  }

  protected String episodeOf(String simId) {
    return platform().id() + "-" + postId(simId);
  }

  protected void assertNoneClosed(String when) {
    assertEquals(List.of(), episodes.closed, when);
  }

  protected void assertClosedFirstOnly() {
    assertEquals(List.of(new FakeEpisodes.Closed(episodeOf(first), "deleted on " + platform().displayName())),
        episodes.closed);
  }

  protected double checks(String outcome) {
    var c = h.registry.find("replywatch.deleted.checks").tag("platform", platform().id()).tag("outcome", outcome)
        .counter();
    return c == null ? 0 : c.count();
  }

  protected double closedDeleted() {
    var c = h.registry.find("replywatch.episodes.closed.deleted").tag("platform", platform().id()).counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void shouldCloseAnEpisodeWhosePostTwoLooksApartFoundGone() throws Exception {
    Poller poller = start();
    assertNoneClosed("the post is there");
    sim.delete(first);
    h.step(poller, CHECK);
    assertNoneClosed("one look found it gone");
    h.step(poller, CHECK);
    assertClosedFirstOnly();
    assertEquals(1, closedDeleted());
    assertEquals(0, checks("failed"));
    assertTrue(checks("ok") >= 3, "lookups counted: " + checks("ok"));
    h.step(poller, CHECK);
    assertEquals(1, episodes.closed.size(), "the other episode stays open");
  }

  /** The demo's way: the script deletes the post at a time, and the lookup says gone from then on. */
  @Test
  void shouldCloseAPostTheScriptDeletesOnceItsTimeCame() throws Exception {
    timeline.deleteAt(first, T0.plus(CHECK));
    sim.deleteAsScripted(timeline);
    Poller poller = start();
    h.step(poller, CHECK);
    assertNoneClosed("deleted just now: one look");
    h.step(poller, CHECK);
    assertClosedFirstOnly();
  }

  @Test
  void shouldKeepOpenWhenThePostComesBackBetweenLooks() throws Exception {
    Poller poller = start();
    sim.delete(first);
    h.step(poller, CHECK);
    sim.undelete(first); // an index that missed it for a while
    h.step(poller, CHECK);
    sim.delete(first);
    h.step(poller, CHECK);
    assertNoneClosed("gone, back, gone: two looks in a row never said gone");
    h.step(poller, CHECK);
    assertClosedFirstOnly();
  }

  @Test
  void shouldKeepOpenWhenALookBetweenGetsAServerError() throws Exception {
    faultBetweenTwoGoneLooks(Fault.of(Fault.Kind.SERVER_ERROR));
    assertEquals(0, h.polls(platform(), "rate_limited"));
  }

  @Test
  void shouldKeepOpenWhenALookBetweenIsRateLimited() throws Exception {
    faultBetweenTwoGoneLooks(Fault.of(Fault.Kind.RATE_LIMIT));
    assertEquals(1, h.polls(platform(), "rate_limited"), "counted as the 429 it is");
  }

  /** Gone, then {@code fault} on the lookup, then gone: nothing closes until a further look says gone again. */
  private void faultBetweenTwoGoneLooks(Fault fault) throws Exception {
    Poller poller = start();
    sim.delete(first);
    h.step(poller, CHECK);
    sim.injectOnLookup(fault);
    h.step(poller, CHECK);
    assertNoneClosed(fault.kind() + " is no answer");
    assertEquals(1, checks("failed"));
    h.step(poller, CHECK);
    assertNoneClosed("the first gone look before the " + fault.kind() + " does not count");
    h.step(poller, CHECK);
    assertClosedFirstOnly();
  }

  @Test
  void shouldNotCountAMalformedBodyAsGone() throws Exception {
    sim.delete(first);
    sim.injectOnLookup(Fault.of(Fault.Kind.MALFORMED));
    Poller poller = start();
    assertEquals(1, checks("failed"), "the first look got a body that is not JSON");
    h.step(poller, CHECK);
    assertNoneClosed("only one look answered");
    h.step(poller, CHECK);
    assertClosedFirstOnly();
  }

  @Test
  void shouldLookUpNothingWhenTheCheckIsOff() throws Exception {
    sim.delete(first);
    episodes.open(platform(), T0, postId(first));
    Poller poller = poller(settings(Optional.empty())).watchDeletions(episodes);
    h.start(poller);
    h.steps(poller, 3, CHECK);
    assertNoneClosed("off");
    assertEquals(0, checks("ok") + checks("failed"));
  }
}
