package io.replywatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.config.Platform;
import io.replywatch.ingest.Post;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The bench compares like with like on every platform: both paths see every mention of the same pages (not timed). */
class IngestBenchTest {
  private static final Instant T0 = Instant.parse("2026-09-01T10:00:00Z");

  @Test
  void shouldBuildPagesForEveryPlatformThatParseBackIntoFullPagesOnBothPaths() {
    List<IngestBench.Feed> feeds = IngestBench.feeds(800, T0);
    assertEquals(List.of(Platform.MASTODON, Platform.X, Platform.BLUESKY, Platform.REDDIT),
        feeds.stream().map(IngestBench.Feed::platform).toList(), "Mastodon first, so its figures stay as they were");
    for (IngestBench.Feed feed : feeds) {
      assertEquals(800 / feed.perPage(), feed.pages().size(), feed.platform() + " pages");
      for (String page : feed.pages()) {
        assertEquals(feed.perPage(), IngestBench.ingest(feed, page, T0), feed.platform() + " ingest");
        assertEquals(feed.perPage(), IngestBench.rawParse(feed, page), feed.platform() + " readTree");
      }
    }
  }

  @Test
  void shouldCarryTheSameTextVarietyThroughEveryParser() {
    for (IngestBench.Feed feed : IngestBench.feeds(800, T0)) {
      List<Post> posts = new ArrayList<>();
      feed.pages().forEach(page -> posts.addAll(feed.parse().apply(page)));
      assertEquals(800, posts.stream().map(Post::id).distinct().count(), feed.platform() + ": every post once");
      String texts = posts.stream().map(Post::text).collect(Collectors.joining("\n"));
      for (String expected : List.of("my order never arrived & nobody answers <3 weeks>", "\"asking\"",
          "\uD83C\uDF89", "주문한 지 2주가 지났는데", "#5521,\nI need a refund")) {
        assertTrue(texts.contains(expected), feed.platform() + " lost: " + expected);
      }
    }
  }

  @Test
  void shouldReportEveryFigureForEveryPlatform() {
    LinkedHashMap<String, Double> figures = new IngestBench(400, 1_000_000L, 1).run(msg -> {});
    List<String> expected = new ArrayList<>();
    for (String prefix : List.of("", "x_", "bluesky_", "reddit_")) {
      for (String figure : List.of("mentions_per_second", "raw_parse_mentions_per_second", "ingest_to_raw_ratio")) {
        expected.add(prefix + figure);
      }
    }
    assertEquals(expected, List.copyOf(figures.keySet()));
    // Only that each figure is there and is a number: speed lives in bench, not in tests.
    assertTrue(figures.values().stream().allMatch(v -> v > 0), figures::toString);
    assertEquals("ingest", new IngestBench().name());
    assertTrue(Benchmarks.sections().stream().anyMatch(s -> s.name().equals("ingest")));
  }
}
