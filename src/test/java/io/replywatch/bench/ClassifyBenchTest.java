package io.replywatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifyBenchTest {

  @Test
  void shouldReportBothFiguresInOrder() throws Exception {
    List<String> progress = new ArrayList<>();
    LinkedHashMap<String, Double> figures = new ClassifyBench(500, 0).run(progress::add);
    assertEquals(List.of("mentions_per_second", "tokenize_only_per_second"), List.copyOf(figures.keySet()));
    assertTrue(figures.values().stream().allMatch(v -> v > 0), figures.toString());
    assertEquals("classify", new ClassifyBench().name());
    assertTrue(!progress.isEmpty());
    // bench prefixes each line with the section's name already ("  classify: warming up ...").
    assertTrue(progress.stream().noneMatch(line -> line.startsWith("classify:")), progress.toString());
  }

  @Test
  void shouldGenerateTheSameTextsEveryRun() throws Exception {
    assertEquals(ClassifyBench.mentions(100), ClassifyBench.mentions(100));
  }
}
