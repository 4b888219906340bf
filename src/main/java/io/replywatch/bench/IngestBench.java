package io.replywatch.bench;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.replywatch.config.Platform;
import io.replywatch.ingest.Mention;
import io.replywatch.ingest.PollBatch;
import io.replywatch.ingest.Post;
import io.replywatch.ingest.bluesky.BlueskyParser;
import io.replywatch.ingest.mastodon.MastodonParser;
import io.replywatch.ingest.reddit.RedditParser;
import io.replywatch.ingest.x.XParser;
import io.replywatch.simulator.bluesky.BlueskyPageStream;
import io.replywatch.simulator.mastodon.MastodonPageStream;
import io.replywatch.simulator.reddit.RedditPageStream;
import io.replywatch.simulator.x.XPageStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * {@code bench} section {@code ingest}: how many mentions per second the ingest path turns from each platform's
 * pages (the simulators' wire formats, built in memory from the same posts) into {@link Mention}s and
 * {@link PollBatch}es (the platform's parser, HTML entities or HTML to text, timestamps, batch building), beside
 * raw Jackson {@code readTree} of the same pages in the same run. The ratio is the figure: what our parsing costs
 * over reading the JSON at all. Mastodon's figures keep their original, unprefixed names (outside checks read
 * them); X, Bluesky and Reddit report the same three with the platform's id as prefix. Mastodon runs first, so its
 * figures are measured as they were before the other platforms joined.
 */
public final class IngestBench implements BenchSection {
  private static final int MENTIONS = 20_000;
  private static final int ROUNDS = 5;
  private static final long ROUND_NANOS = 600_000_000L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static volatile int sink;

  /**
   * One platform's input: pages of {@code perPage} mentions, the poller's parse of a page into posts, and where in
   * a page its items are (for the raw count).
   *
   * @param brandId the brand account's author id as its poller compares it (no generated post is the brand's, so
   *     the check costs what it costs the poller and drops nothing)
   */
  record Feed(Platform platform, String brandId, int perPage, List<String> pages,
      Function<String, List<Post>> parse, JsonPointer items) {}

  private final int mentions;
  private final long roundNanos;
  private final int rounds;

  public IngestBench() {
    this(MENTIONS, ROUND_NANOS, ROUNDS);
  }

  /** A smaller, shorter run, for tests. */
  IngestBench(int mentions, long roundNanos, int rounds) {
    this.mentions = mentions;
    this.roundNanos = roundNanos;
    this.rounds = rounds;
  }

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public LinkedHashMap<String, Double> run(Consumer<String> progress) {
    Instant t0 = Instant.parse("2026-09-01T10:00:00Z");
    LinkedHashMap<String, Double> figures = new LinkedHashMap<>();
    for (Feed feed : feeds(mentions, t0)) {
      // Mastodon's figures keep the names they had before the other platforms joined (outside checks read them).
      String prefix = feed.platform() == Platform.MASTODON ? "" : feed.platform().id() + "_";
      measurePlatform(feed, t0, progress).forEach((figure, value) -> figures.put(prefix + figure, value));
    }
    return figures;
  }

  /** Each platform's pages, about {@code mentions} mentions each, at the page size its poller asks for. */
  static List<Feed> feeds(int mentions, Instant t0) {
    return List.of(
        new Feed(Platform.MASTODON, MastodonPageStream.BRAND_ID, 80,
            MastodonPageStream.notificationPages(mentions / 80, 80, t0),
            body -> MastodonParser.notifications(body).items().stream().flatMap(n -> n.status().stream()).toList(),
            JsonPointer.empty()),
        new Feed(Platform.X, "42", 100, XPageStream.mentionPages(mentions / 100, 100, t0),
            body -> XParser.page(body).posts(), JsonPointer.compile("/data")),
        new Feed(Platform.BLUESKY, BlueskyPageStream.BRAND_DID, 100,
            BlueskyPageStream.notificationPages(mentions / 100, 100, t0),
            body -> BlueskyParser.notifications(body).items().stream().map(BlueskyParser.Item::post).toList(),
            JsonPointer.compile("/notifications")),
        new Feed(Platform.REDDIT, "t2_acme", 100, RedditPageStream.searchPages(mentions / 100, 100, t0),
            body -> RedditParser.listing(body).posts(), JsonPointer.compile("/data/children")));
  }

  /** Warm-up, then the best of the rounds for the ingest path and for readTree, alternating. */
  private LinkedHashMap<String, Double> measurePlatform(Feed feed, Instant t0, Consumer<String> progress) {
    String platform = feed.platform().displayName();
    long bytes = feed.pages().stream().mapToLong(String::length).sum();
    progress.accept(feed.pages().size() + " " + platform + " pages of " + feed.perPage() + " mentions, "
        + bytes / 1024 + " KiB");
    ToIntFunction<String> ingest = body -> ingest(feed, body, t0);
    ToIntFunction<String> raw = body -> rawParse(feed, body);
    // Warm both paths up well past JIT compilation before anything counts.
    measure(feed.pages(), ingest, roundNanos * 3);
    measure(feed.pages(), raw, roundNanos * 2);
    double best = 0;
    double bestRaw = 0;
    for (int round = 0; round < rounds; round++) {
      best = Math.max(best, measure(feed.pages(), ingest, roundNanos));
      bestRaw = Math.max(bestRaw, measure(feed.pages(), raw, roundNanos));
      progress.accept(String.format("%s round %d: ingest %.0f/s, readTree %.0f/s", platform, round + 1, best,
          bestRaw));
    }
    LinkedHashMap<String, Double> figures = new LinkedHashMap<>();
    figures.put("mentions_per_second", (double) Math.round(best));
    figures.put("raw_parse_mentions_per_second", (double) Math.round(bestRaw));
    figures.put("ingest_to_raw_ratio", Math.round(best / bestRaw * 1000) / 1000.0);
    return figures;
  }

  /** The poller's path for one page: parse, keep mentions by others, wrap as mentions, build the batch. */
  static int ingest(Feed feed, String body, Instant receivedAt) {
    List<Mention> mentions = new ArrayList<>();
    for (Post p : feed.parse().apply(body)) {
      if (!p.authorId().equals(feed.brandId())) {
        mentions.add(new Mention("acme", "acme", p, receivedAt));
      }
    }
    PollBatch batch = new PollBatch("acme", feed.platform(), "acme", mentions, List.of());
    return batch.mentions().size();
  }

  /** Reads the page into a tree and counts its items, so both paths count the same mentions. */
  static int rawParse(Feed feed, String body) {
    try {
      return JSON.readTree(body).at(feed.items()).size();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Mentions per second over whole passes of the pages, for at least {@code nanos}. */
  private static double measure(List<String> pages, ToIntFunction<String> f, long nanos) {
    long mentions = 0;
    long start = System.nanoTime();
    long elapsed;
    int acc = 0;
    do {
      for (String page : pages) {
        int n = f.applyAsInt(page);
        mentions += n;
        acc += n;
      }
      elapsed = System.nanoTime() - start;
    } while (elapsed < nanos);
    sink = acc;
    return mentions / (elapsed / 1e9);
  }
}
