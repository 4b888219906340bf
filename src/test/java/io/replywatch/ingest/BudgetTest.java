package io.replywatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The rate-limit budget: when a request may go, how long a 429 blocks, how cycles are spread over a window. */
class BudgetTest {
  private static final Instant NOW = Instant.parse("2026-09-01T10:00:00Z");

  @Test
  void shouldHoldTheLastRequestOfAWindowUntilItsReset() {
    Budget b = new Budget();
    assertEquals(Optional.empty(), b.blocked("mentions", NOW), "unknown means go");
    b.update("mentions", new RateLimit(OptionalInt.of(1), NOW.plusSeconds(60)));
    assertEquals(Optional.of(NOW.plusSeconds(60)), b.blocked("mentions", NOW));
    assertEquals(Optional.empty(), b.blocked("tweets", NOW), "X buckets are separate");
    assertEquals(Optional.empty(), b.blocked("mentions", NOW.plusSeconds(60)), "the window has reset");
  }

  @Test
  void shouldSpareARequestOnlyAboveTheReserve() {
    Budget b = new Budget();
    assertEquals(true, b.spare("search", 5, NOW), "unknown means go");
    b.update("search", new RateLimit(OptionalInt.of(6), NOW.plusSeconds(60)));
    assertEquals(true, b.spare("search", 5, NOW));
    b.update("search", new RateLimit(OptionalInt.of(5), NOW.plusSeconds(60)));
    assertEquals(false, b.spare("search", 5, NOW), "the reserve stays in hand");
    assertEquals(true, b.spare("mentions", 5, NOW), "X buckets are separate");
    assertEquals(true, b.spare("search", 5, NOW.plusSeconds(60)), "the window has reset");
    b.block(NOW.plusSeconds(120));
    assertEquals(false, b.spare("mentions", 5, NOW.plusSeconds(60)), "nothing spare while a 429 blocks");
  }

  @Test
  void shouldBlockEveryBucketAfterA429() {
    Budget b = new Budget();
    assertEquals(NOW.plusSeconds(120), b.block(NOW.plusSeconds(120)));
    assertEquals(NOW.plusSeconds(120), b.block(NOW.plusSeconds(30)), "a shorter block does not shorten it");
    assertEquals(Optional.of(NOW.plusSeconds(120)), b.blocked("anything", NOW.plusSeconds(119)));
    assertEquals(Duration.ofSeconds(120), b.waitFor(2, NOW));
  }

  @Test
  void shouldSpreadCyclesOverWhatIsLeftOfTheWindow() {
    Budget b = new Budget();
    b.update("reddit", new RateLimit(OptionalInt.of(100), NOW.plusSeconds(600)));
    assertEquals(Duration.ofSeconds(18), b.pace(3, NOW), "600 s × 3 requests ÷ 100 left");
    assertEquals(Duration.ofSeconds(600), b.pace(300, NOW), "never past the reset: a fresh window comes then");
    b.update("reddit", new RateLimit(OptionalInt.of(2), NOW.plusSeconds(600)));
    assertEquals(Duration.ofSeconds(600), b.waitFor(2, NOW));
  }
}
