package io.replywatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.replywatch.ingest.Mention;
import io.replywatch.ingest.Platform;
import io.replywatch.ingest.PollBatch;
import io.replywatch.ingest.Post;
import io.replywatch.ingest.mastodon.MastodonParser;
import io.replywatch.simulator.mastodon.MastodonPageStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * {@code bench} section {@code ingest}: how many mentions per second the ingest path turns from Mastodon
 * notification pages (the simulator's wire format, built in memory) into {@link Mention}s and {@link PollBatch}es
 * (parse, HTML to text, timestamps, batch building), beside raw Jackson {@code readTree} of the same pages in the
 * same run. The ratio is the figure: what our parsing costs over reading the JSON at all.
 */
public final class IngestBench implements BenchSection {
  private static final int PAGES = 250;
  private static final int PER_PAGE = 80;
  private static final int ROUNDS = 5;
  private static final long ROUND_NANOS = 600_000_000L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static volatile int sink;

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public LinkedHashMap<String, Double> run(Consumer<String> progress) {
    Instant t0 = Instant.parse("2026-09-01T10:00:00Z");
    List<String> pages = MastodonPageStream.notificationPages(PAGES, PER_PAGE, t0);
    long bytes = pages.stream().mapToLong(String::length).sum();
    progress.accept(PAGES + " Mastodon pages of " + PER_PAGE + " mentions, " + bytes / 1024 + " KiB");
    ToIntFunction<String> ingest = body -> ingest(body, t0);
    ToIntFunction<String> raw = IngestBench::rawParse;
    // Warm both paths up well past JIT compilation before anything counts.
    measure(pages, ingest, ROUND_NANOS * 3);
    measure(pages, raw, ROUND_NANOS * 2);
    double best = 0;
    double bestRaw = 0;
    for (int round = 0; round < ROUNDS; round++) {
      best = Math.max(best, measure(pages, ingest, ROUND_NANOS));
      bestRaw = Math.max(bestRaw, measure(pages, raw, ROUND_NANOS));
      progress.accept(String.format("round %d: ingest %.0f/s, readTree %.0f/s", round + 1, best, bestRaw));
    }
    LinkedHashMap<String, Double> figures = new LinkedHashMap<>();
    figures.put("mentions_per_second", (double) Math.round(best));
    figures.put("raw_parse_mentions_per_second", (double) Math.round(bestRaw));
    figures.put("ingest_to_raw_ratio", Math.round(best / bestRaw * 1000) / 1000.0);
    return figures;
  }

  /** The poller's path for one page: parse, keep mentions by others, wrap as mentions, build the batch. */
  static int ingest(String body, Instant receivedAt) {
    List<Mention> mentions = new ArrayList<>();
    for (MastodonParser.Notification n : MastodonParser.notifications(body)) {
      Post p = n.status();
      if (!p.authorId().equals("42")) {
        mentions.add(new Mention("acme", "acme", p, receivedAt));
      }
    }
    PollBatch batch = new PollBatch("acme", Platform.MASTODON, "acme", mentions, List.of());
    return batch.mentions().size();
  }

  static int rawParse(String body) {
    try {
      JsonNode root = JSON.readTree(body);
      return root.size();
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
