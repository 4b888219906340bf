package io.replywatch.ingest;

import io.replywatch.simulator.SimPost;
import io.replywatch.simulator.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The timeline every platform's ingest test plays: 300 mentions (200 in the backfill window before T0, 100 in the
 * two hours after), a brand reply to every third, a customer follow-up on every seventh that the brand answers in
 * the thread, and 20 posts that only a keyword search finds. Texts are unique, so a test can key posts by text
 * whatever ids the platform uses.
 */
public final class IngestScript {
  public static final Instant T0 = Instant.parse("2026-09-01T10:00:00Z");
  public static final String BRAND_ID = "42";
  public static final String KEYWORD = "acme";

  public final Timeline timeline = new Timeline();
  public final Timeline keywordPosts = new Timeline();

  public IngestScript() {
    for (int i = 0; i < 300; i++) {
      Instant at = i < 200 ? T0.minus(Duration.ofHours(20)).plus(Duration.ofSeconds(360L * i))
          : T0.plus(Duration.ofSeconds(72L * (i - 200)));
      String m = timeline.add(at, "5" + (i % 37), "user" + (i % 37) + "@example.social", "mention #" + i, false, null, "en");
      if (i % 3 == 0) {
        timeline.add(at.plusSeconds(50), BRAND_ID, "acme", "reply to #" + i, true, m, "en");
      }
      if (i % 7 == 0) {
        String f = timeline.add(at.plusSeconds(20), "5" + (i % 37), "user" + (i % 37) + "@example.social",
            "follow-up on #" + i, false, m, "en");
        timeline.add(at.plusSeconds(65), BRAND_ID, "acme", "reply to follow-up on #" + i, true, f, "en");
      }
    }
    for (int i = 0; i < 20; i++) {
      keywordPosts.add(T0.minus(Duration.ofHours(10)).plus(Duration.ofMinutes(23L * i)).plusMillis(333),
          "7" + i, "fan" + i + "@example.social", "thinking about my acme blender, take " + i, false, null, "en");
    }
  }

  /** A post's key: its text without a leading @mention (platforms prefix it differently). */
  public static String key(String text) {
    return text.replaceFirst("^@\\S+\\s+", "");
  }

  /** Texts of the customer posts a poller must hand on by {@code until}, when it first started at {@code start}. */
  public Map<String, SimPost> expectedMentions(Instant start, Duration backfill, Instant until) {
    Predicate<SimPost> window = p -> !p.createdAt().isBefore(start.minus(backfill)) && !p.createdAt().isAfter(until);
    return java.util.stream.Stream.concat(timeline.all().stream(), keywordPosts.all().stream())
        .filter(p -> !p.brand()).filter(window).collect(Collectors.toMap(p -> p.text(), p -> p));
  }

  public Map<String, SimPost> expectedReplies(Instant start, Duration backfill, Instant until) {
    return timeline.all().stream().filter(SimPost::brand)
        .filter(p -> !p.createdAt().isBefore(start.minus(backfill)) && !p.createdAt().isAfter(until))
        .collect(Collectors.toMap(SimPost::text, p -> p));
  }

  /** The text of the post a scripted post replies to. */
  public String parentText(SimPost p) {
    String parent = p.inReplyTo().orElseThrow();
    List<SimPost> all = timeline.all();
    return all.stream().filter(q -> q.id().equals(parent)).findFirst().orElseThrow().text();
  }
}
