package io.replywatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.replay.HistoryItem;
import io.replywatch.replay.TwcsReader;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayBenchTest {

  @Test
  void shouldGenerateAHistoryThatParsesWithEveryMentionAttributed() throws Exception {
    long[] mentions = new long[1];
    String csv = HistoryGenerator.twcs(2_000, 7, mentions);
    List<HistoryItem> items = TwcsReader.read(new StringReader(csv), "generated.csv", msg -> {});
    assertEquals(mentions[0], items.stream().filter(i -> !i.fromBrand()).count());
    assertEquals(csv, HistoryGenerator.twcs(2_000, 7, new long[1]), "deterministic for a seed");
  }

  @Test
  void shouldReportTheFiguresNamedInTheIssue() throws Exception {
    LinkedHashMap<String, Double> figures = new ReplayBench(1_000, 1).run(msg -> {});
    assertEquals(List.of("mentions_per_second", "parse_only_per_second", "mentions", "heap_bytes_per_post"),
        List.copyOf(figures.keySet()));
    assertTrue(figures.get("mentions_per_second") > 0);
    // heap_bytes_per_post only has to be there (the key list above): with a thousand conversations, collector noise
    // of a few hundred kilobytes swamps it; it means something on the full run (100,000 conversations).
    assertTrue(Benchmarks.sections().stream().anyMatch(s -> s.name().equals("replay")));
  }
}
