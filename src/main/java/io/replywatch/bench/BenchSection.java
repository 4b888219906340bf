package io.replywatch.bench;

import java.util.LinkedHashMap;

/**
 * One section of {@code replywatch bench}. Each figure is measured in the same run as its reference, so the ratio
 * holds on a noisy machine. Figures are printed as a table and, with {@code --json}, as
 * {@code {"<section>": {"<figure>": number}}}.
 */
public interface BenchSection {

  /** The section name in {@code bench --json} ("classify", "ingest", "sla", ...). */
  String name();

  /**
   * Runs the measurements and returns figure name to value, in print order.
   *
   * @param progress a sink for one-line progress messages (stderr), so long runs show they are alive
   */
  LinkedHashMap<String, Double> run(java.util.function.Consumer<String> progress) throws Exception;
}
