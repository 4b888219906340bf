package io.replywatch;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the packages layered: no package of src/main may depend, directly or through others, on a package that
 * depends on it. The packages were untangled from one large cycle into layers (time, usage, text, bus → config →
 * ingest, classify → sla → notify → store, metrics → http → cli, bench, replay, simulator → Main); this test fails
 * the build when a new edge would close a cycle again, naming the packages and the files that make the edges.
 *
 * <p>An edge is any reference in code to another io.replywatch package: imports (wildcard ones too), static imports
 * and fully qualified names in code. Comments are left out, so a javadoc link is no dependency; string literals are
 * read as code, which only makes the test stricter. A type used but never named (the return type of a call) is not
 * seen here; jdeps on target/classes sees those too.
 */
class ArchitectureTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
  /** A package name (lower-case segments) followed by a class name (upper case) or the * of a wildcard import. */
  private static final Pattern REFERENCE =
      Pattern.compile("\\b(io\\.replywatch(?:\\.[a-z][a-z0-9_]*)*)\\.(?:[A-Z]|\\*)");
  /**
   * Text blocks, strings and characters (kept: a // or /* in them starts no comment), then block and line comments
   * (dropped).
   */
  private static final Pattern LITERAL_OR_COMMENT = Pattern.compile(
      "\"\"\".*?\"\"\"|\"[^\"\\\\\\n]*+(?:\\\\.[^\"\\\\\\n]*+)*+\"|'(?:\\\\.|[^'\\\\])++'|/\\*.*?\\*/|//[^\\n]*+",
      Pattern.DOTALL);

  @Test
  void packagesShouldHaveNoCycle() throws IOException {
    // package -> package it refers to -> the files that make the edge
    Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(SOURCES.resolve("io/replywatch"))) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    assertTrue(files.size() > 100, "found only " + files.size() + " sources under " + SOURCES.toAbsolutePath());
    for (Path file : files) {
      String code = LITERAL_OR_COMMENT.matcher(Files.readString(file))
          .replaceAll(m -> m.group().startsWith("/") ? " " : Matcher.quoteReplacement(m.group()));
      Matcher p = PACKAGE.matcher(code);
      assertTrue(p.find(), "no package line in " + file);
      String from = p.group(1);
      Map<String, Set<String>> edges = graph.computeIfAbsent(from, k -> new TreeMap<>());
      Matcher r = REFERENCE.matcher(code);
      while (r.find()) {
        if (!r.group(1).equals(from)) {
          edges.computeIfAbsent(r.group(1), k -> new TreeSet<>()).add(SOURCES.relativize(file).toString());
        }
      }
    }
    List<String> cycle = cycle(graph);
    if (!cycle.isEmpty()) {
      StringBuilder m = new StringBuilder("package cycle: " + String.join(" -> ", cycle));
      for (int i = 0; i + 1 < cycle.size(); i++) {
        m.append("\n  ").append(cycle.get(i)).append(" -> ").append(cycle.get(i + 1)).append(" in ")
            .append(graph.get(cycle.get(i)).get(cycle.get(i + 1)));
      }
      fail(m.toString());
    }
  }

  /** One cycle of the graph as a path whose last package is its first, or an empty list when there is none. */
  private static List<String> cycle(Map<String, Map<String, Set<String>>> graph) {
    Set<String> done = new TreeSet<>();
    for (String start : graph.keySet()) {
      Deque<String> path = new ArrayDeque<>();
      List<String> found = visit(start, graph, path, done);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  /** Depth-first search; {@code path} holds the packages being visited, {@code done} those with no cycle below. */
  private static List<String> visit(String at, Map<String, Map<String, Set<String>>> graph, Deque<String> path,
      Set<String> done) {
    if (path.contains(at)) {
      List<String> cycle = new ArrayList<>(path);
      cycle = new ArrayList<>(cycle.subList(cycle.indexOf(at), cycle.size()));
      cycle.add(at);
      return cycle;
    }
    if (done.contains(at)) {
      return List.of();
    }
    path.addLast(at);
    for (String next : graph.getOrDefault(at, Map.of()).keySet()) {
      List<String> found = visit(next, graph, path, done);
      if (!found.isEmpty()) {
        return found;
      }
    }
    path.removeLast();
    done.add(at);
    return List.of();
  }
}
