package io.replywatch.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every PromQL query the Grafana dashboards in {@code grafana/dashboards/} run, as plain data, so tests can
 * check them without Grafana: their metric names against the contract, their syntax with promtool, and (in the
 * end-to-end test) their results against a real Prometheus scraping the service.
 *
 * <p>Grafana variables are not PromQL; {@link #substitute(String, Map)} replaces them with concrete values
 * ({@link #DEFAULT_VARIABLES}: every template variable matches all, {@code $__range} is 1h, intervals 1m).
 */
final class DashboardQueries {

  /** One query of one panel: where it comes from, and its expression as written in the dashboard. */
  record PanelQuery(String file, String dashboard, String panel, String refId, String expr) {

    /** The expression with Grafana variables replaced by {@link #DEFAULT_VARIABLES}: valid PromQL. */
    String promql() {
      return substitute(expr, DEFAULT_VARIABLES);
    }

    /** The expression with Grafana variables replaced by {@code values}. */
    String promql(Map<String, String> values) {
      return substitute(expr, values);
    }

    /** For messages: {@code sources.json › Rate-limit remaining › A}. */
    String where() {
      return file + " › " + panel + " › " + refId;
    }
  }

  /** A query-type template variable (its query is Grafana's {@code label_values(...)}, not PromQL). */
  record VariableQuery(String file, String name, String query) {

    private static final Pattern LABEL_VALUES =
        Pattern.compile("^\\s*label_values\\((?:(.*),)?\\s*(\\w+)\\s*\\)\\s*$", Pattern.DOTALL);

    /**
     * The series selector of {@code label_values(selector, label)} with variables substituted (empty for the
     * one-argument form, which asks every series); the query itself for any other variable query.
     */
    String selector() {
      Matcher m = LABEL_VALUES.matcher(query);
      String selector = m.matches() ? (m.group(1) == null ? "" : m.group(1).trim()) : query;
      return substitute(selector, DEFAULT_VARIABLES);
    }

    /** The label whose values a {@code label_values(...)} query lists, or empty for other queries. */
    String label() {
      Matcher m = LABEL_VALUES.matcher(query);
      return m.matches() ? m.group(2) : "";
    }
  }

  /** Values for the Grafana variables the dashboards use; an unknown variable is an error. */
  static final Map<String, String> DEFAULT_VARIABLES = Map.of(
      "__range", "1h",
      "__rate_interval", "1m",
      "__interval", "1m",
      "brand", ".*",
      "platform", ".*",
      "account", ".*",
      "channel", ".*",
      "level", ".*");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\$(\\w+)");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");
  private static final Set<String> KEYWORDS = Set.of(
      "and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "offset", "bool",
      "atan2", "inf", "nan", "start", "end");

  private DashboardQueries() {}

  /** {@code grafana/dashboards} of this project. */
  static Path defaultDirectory() {
    return Promtool.projectDir().resolve("grafana/dashboards");
  }

  /** The dashboard JSON files of a directory, sorted by name. */
  static List<Path> dashboardFiles(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every panel query of every dashboard in {@code directory}. */
  static List<PanelQuery> load(Path directory) {
    List<PanelQuery> queries = new ArrayList<>();
    for (Path file : dashboardFiles(directory)) {
      queries.addAll(of(file));
    }
    return queries;
  }

  /** Every panel query of one dashboard file, including panels nested in collapsed rows. */
  static List<PanelQuery> of(Path file) {
    JsonNode dashboard = read(file);
    List<PanelQuery> queries = new ArrayList<>();
    collect(file.getFileName().toString(), dashboard.path("title").asText(), dashboard.path("panels"), queries);
    return queries;
  }

  /** The query-type template variables of one dashboard file. */
  static List<VariableQuery> variables(Path file) {
    List<VariableQuery> variables = new ArrayList<>();
    for (JsonNode variable : read(file).path("templating").path("list")) {
      if (variable.path("type").asText().equals("query")) {
        JsonNode query = variable.path("query");
        String text = query.isObject() ? query.path("query").asText() : query.asText();
        variables.add(new VariableQuery(file.getFileName().toString(), variable.path("name").asText(), text));
      }
    }
    return variables;
  }

  /** Parses one dashboard file. */
  static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
  }

  /** Replaces {@code $name} and {@code ${name}} by {@code values}; fails on a variable it does not know. */
  static String substitute(String expr, Map<String, String> values) {
    Matcher m = VARIABLE.matcher(expr);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      String value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("no value for Grafana variable $" + name + " in: " + expr);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The metric (series) names a PromQL expression selects, e.g. {@code replywatch_response_seconds_bucket}:
   * identifiers outside strings, label matchers, ranges and grouping clauses that are not functions,
   * aggregations or keywords. A light scanner, not a parser: promtool checks the syntax.
   */
  static Set<String> metricNames(String expr) {
    String s = expr
        .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
        .replaceAll("'(?:[^'\\\\]|\\\\.)*'", "''")
        .replaceAll("`[^`]*`", "``")
        .replaceAll("\\{[^}]*}", "{}")
        .replaceAll("\\[[^]]*]", "[]")
        .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(s);
    while (m.find()) {
      String name = m.group(1);
      if (!KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
        names.add(name);
      }
    }
    return names;
  }

  private static void collect(String file, String dashboard, JsonNode panels, List<PanelQuery> into) {
    for (JsonNode panel : panels) {
      String title = panel.path("title").asText();
      for (JsonNode target : panel.path("targets")) {
        if (target.hasNonNull("expr")) {
          into.add(new PanelQuery(file, dashboard, title, target.path("refId").asText(), target.get("expr").asText()));
        }
      }
      collect(file, dashboard, panel.path("panels"), into);
    }
  }

  /** The defaults with some values replaced, e.g. a shorter {@code __range} for a short end-to-end run. */
  static Map<String, String> variablesWith(Map<String, String> overrides) {
    Map<String, String> values = new HashMap<>(DEFAULT_VARIABLES);
    values.putAll(overrides);
    return values;
  }
}
