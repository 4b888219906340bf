package io.replywatch.cli;

import io.replywatch.bench.BenchSection;
import io.replywatch.bench.Benchmarks;
import io.replywatch.usage.UsageException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bench}: runs every benchmark section and prints its figures, each measured in the same run as its
 * reference so the ratio holds on a noisy machine. {@code --json} prints {@code {"<section>": {"<figure>": n}}}.
 */
public final class BenchCommand implements Command {

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String summary() {
    return "measure throughput, latency and memory; print a table or JSON";
  }

  @Override
  public String usage() {
    return """
        usage: replywatch bench [--json] [--only SECTION[,SECTION...]]

        Runs each benchmark section (progress on stderr) and prints its figures as a table, or with --json as
        {"<section>": {"<figure>": number}}. Each figure is printed beside a reference measured in the same run.

          --json           machine-readable output on stdout
          --only NAMES     run only these sections (comma-separated):\s""" + String.join(", ", sectionNames());
  }

  @Override
  public int run(List<String> raw, Console io) throws Exception {
    Args args = Args.parse(raw, Set.of("--only"), Set.of("--json"));
    List<String> names = args.has("--only") ? List.of(args.get("--only", "").split(",", -1)) : List.of();
    if (names.contains("")) {
      throw new UsageException("--only takes section names separated by commas, got '" + args.get("--only", "") + "'");
    }
    // A set, not Set.of: that throws on a name given twice ("classify,classify"), which is harmless, run it once.
    Set<String> only = new HashSet<>(names);
    List<String> known = sectionNames();
    List<String> unknown = only.stream().filter(n -> !known.contains(n)).sorted().toList();
    if (!unknown.isEmpty()) {
      // One misspelt name among several must not quietly shorten the run.
      throw new UsageException("no such section: " + String.join(",", unknown) + " (sections: "
          + String.join(", ", known) + ")");
    }
    List<BenchSection> sections = Benchmarks.sections().stream()
        .filter(s -> only.isEmpty() || only.contains(s.name())).toList();
    if (sections.isEmpty()) {
      throw new UsageException("no benchmark sections in this build yet");
    }
    Map<String, LinkedHashMap<String, Double>> results = new LinkedHashMap<>();
    for (BenchSection s : sections) {
      io.err().println("bench " + s.name() + " ...");
      // Several classes may add figures to one section (sla: durable throughput, and deadline lateness).
      results.computeIfAbsent(s.name(), k -> new LinkedHashMap<>())
          .putAll(s.run(msg -> io.err().println("  " + s.name() + ": " + msg)));
    }
    io.out().println(args.has("--json") ? json(results) : table(results));
    return 0;
  }

  /** Each section once: several classes may add figures to one section (sla). */
  static List<String> sectionNames() {
    return Benchmarks.sections().stream().map(BenchSection::name).distinct().toList();
  }

  static String table(Map<String, LinkedHashMap<String, Double>> results) {
    StringBuilder sb = new StringBuilder(String.format("%-10s %-36s %18s%n", "section", "figure", "value"));
    results.forEach((section, figures) -> figures.forEach((name, v) ->
        sb.append(String.format("%-10s %-36s %18s%n", section, name, format(v)))));
    return sb.toString().stripTrailing();
  }

  static String json(Map<String, LinkedHashMap<String, Double>> results) {
    io.vertx.core.json.JsonObject root = new io.vertx.core.json.JsonObject();
    results.forEach((section, figures) -> {
      io.vertx.core.json.JsonObject o = new io.vertx.core.json.JsonObject();
      figures.forEach(o::put);
      root.put(section, o);
    });
    return root.encode();
  }

  private static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format("%,d", (long) v) : String.format("%,.3f", v);
  }
}
