package io.replywatch.bench;

import java.util.ArrayList;
import java.util.List;

/** Every section of {@code replywatch bench}, in the order they run and print. */
public final class Benchmarks {

  private Benchmarks() {}

  public static List<BenchSection> sections() {
    List<BenchSection> sections = new ArrayList<>();
    // Each issue adds its section here.
    sections.add(new ClassifyBench());
    sections.add(new IngestBench());
    sections.add(new SlaBench());
    sections.add(new SlaLatenessBench());
    sections.add(new ReplayBench());
    return sections;
  }
}
