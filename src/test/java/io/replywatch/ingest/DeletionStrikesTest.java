package io.replywatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.ingest.OpenEpisodes.Watched;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeletionStrikesTest {
  private static final Instant T0 = Instant.parse("2026-09-01T10:00:00Z");
  private static final Duration EVERY = Duration.ofMinutes(10);

  private final DeletionStrikes strikes = new DeletionStrikes(EVERY);
  private final Watched a = new Watched("x-1", T0.minusSeconds(300), List.of("1"));
  private final Watched b = new Watched("x-2", T0.minusSeconds(200), List.of("2", "3"));

  @Test
  void shouldCloseOnlyOnTheSecondGoneLookAnIntervalLater() {
    Map<String, Presence> gone = Map.of("1", Presence.GONE);
    assertEquals(List.of(), strikes.looked(List.of(a), gone, T0));
    assertTrue(strikes.struck("x-1"));
    assertEquals(List.of(), strikes.looked(List.of(a), gone, T0.plus(EVERY).minusSeconds(1)), "too soon");
    assertEquals(List.of(a), strikes.looked(List.of(a), gone, T0.plus(EVERY)));
    assertFalse(strikes.struck("x-1"));
  }

  @Test
  void shouldStartOverOnAnyOtherAnswerBetween() {
    strikes.looked(List.of(a), Map.of("1", Presence.GONE), T0);
    strikes.looked(List.of(a), Map.of("1", Presence.THERE), T0.plus(EVERY));
    assertEquals(List.of(), strikes.looked(List.of(a), Map.of("1", Presence.GONE), T0.plus(EVERY.multipliedBy(2))));
    strikes.looked(List.of(a), Map.of("1", Presence.UNKNOWN), T0.plus(EVERY.multipliedBy(3)));
    assertFalse(strikes.struck("x-1"), "no answer undoes a first strike");
    strikes.looked(List.of(a), Map.of(), T0.plus(EVERY.multipliedBy(4)));
    assertFalse(strikes.struck("x-1"), "a post left out of the answer is unknown");
  }

  @Test
  void shouldNeedEveryPostOfAnEpisodeGone() {
    Map<String, Presence> half = Map.of("2", Presence.GONE, "3", Presence.THERE);
    strikes.looked(List.of(b), half, T0);
    assertEquals(List.of(), strikes.looked(List.of(b), half, T0.plus(EVERY)));
    Map<String, Presence> both = Map.of("2", Presence.GONE, "3", Presence.GONE);
    strikes.looked(List.of(b), both, T0.plus(EVERY.multipliedBy(2)));
    assertEquals(List.of(b), strikes.looked(List.of(b), both, T0.plus(EVERY.multipliedBy(3))));
  }

  @Test
  void shouldPickStruckFirstThenLeastRecentlyLookedWithinTheCap() {
    Watched c = new Watched("x-4", T0.minusSeconds(100), List.of("4"));
    assertEquals(List.of(a, b), strikes.pick(List.of(c, b, a), 3), "oldest first, c does not fit");
    strikes.looked(List.of(a, b), Map.of("2", Presence.GONE, "3", Presence.GONE), T0);
    assertEquals(List.of(b, c), strikes.pick(List.of(a, b, c), 3), "b waits for its second look; c never looked");
    assertEquals(List.of(), strikes.pick(List.of(b), 1), "an episode with more posts than the cap is never looked at");
  }

  @Test
  void shouldForgetEpisodesNoLongerOpen() {
    strikes.looked(List.of(a), Map.of("1", Presence.GONE), T0);
    strikes.pick(List.of(b), 100);
    assertFalse(strikes.struck("x-1"));
  }
}
