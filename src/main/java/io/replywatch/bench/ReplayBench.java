package io.replywatch.bench;

import io.replywatch.classify.model.Classifiers;
import io.replywatch.config.ConfigLoader;
import io.replywatch.replay.HistoryItem;
import io.replywatch.replay.ReplayReport;
import io.replywatch.replay.Replayer;
import io.replywatch.replay.TwcsReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code bench} section {@code replay}: how fast a history replays end to end (parse, attribute, sort, classify,
 * track), in customer mentions per second, on a generated twcs history held in memory. The reference measured in
 * the same run is parsing the same input alone, so the share of time spent in the classifier and the SLA engine
 * can be read off on any machine. Replay holds the whole history in memory (it must be sorted by time), so the
 * section also reports the heap a parsed post takes: multiply by the rows of your export to size {@code -Xmx}.
 */
public final class ReplayBench implements BenchSection {
  private final int conversations;
  private final int rounds;

  public ReplayBench() {
    this(100_000, 3);
  }

  /** A smaller run, for tests. */
  ReplayBench(int conversations, int rounds) {
    this.conversations = conversations;
    this.rounds = rounds;
  }

  @Override
  public String name() {
    return "replay";
  }

  @Override
  public LinkedHashMap<String, Double> run(Consumer<String> progress) throws IOException {
    long[] mentions = new long[1];
    String csv = HistoryGenerator.twcs(conversations, 42, mentions);
    progress.accept(String.format("generated %d conversations, %d mentions, %.1f MB of twcs CSV", conversations,
        mentions[0], csv.length() / 1e6));
    replay(csv);
    parse(csv);
    progress.accept("warmed up");
    long bestReplay = Long.MAX_VALUE;
    long bestParse = Long.MAX_VALUE;
    long replayed = 0;
    for (int i = 0; i < rounds; i++) {
      long t = System.nanoTime();
      parse(csv);
      long parseNanos = System.nanoTime() - t;
      t = System.nanoTime();
      replayed = replay(csv).mentions();
      long replayNanos = System.nanoTime() - t;
      bestParse = Math.min(bestParse, parseNanos);
      bestReplay = Math.min(bestReplay, replayNanos);
      progress.accept(String.format("round %d: replay %.0f ms, parse only %.0f ms", i + 1, replayNanos / 1e6,
          parseNanos / 1e6));
    }
    LinkedHashMap<String, Double> figures = new LinkedHashMap<>();
    figures.put("mentions_per_second", Math.rint(replayed / (bestReplay / 1e9)));
    figures.put("parse_only_per_second", Math.rint(mentions[0] / (bestParse / 1e9)));
    figures.put("mentions", (double) replayed);
    figures.put("heap_bytes_per_post", heapPerPost(csv));
    return figures;
  }

  /** Heap held by the parsed history (what replay keeps while it runs), per post of customers and brand alike. */
  private static double heapPerPost(String csv) throws IOException {
    long before = Heap.used();
    List<HistoryItem> items = parse(csv);
    long after = Heap.used();
    return Math.rint((after - before) / (double) Math.max(1, items.size()));
  }

  private static List<HistoryItem> parse(String csv) throws IOException {
    return TwcsReader.read(new StringReader(csv), "generated.csv", msg -> {});
  }

  private static ReplayReport replay(String csv) throws IOException {
    return new Replayer(ConfigLoader.defaultPolicies(), Classifiers.byDefault(), (brand, author) -> false)
        .run(parse(csv), msg -> {});
  }
}
