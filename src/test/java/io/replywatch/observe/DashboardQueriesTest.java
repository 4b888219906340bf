package io.replywatch.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Grafana dashboards without Grafana: every panel query uses only contract metrics and parses as PromQL,
 * and every dashboard is importable ({@code __inputs}) and provisionable (datasource variable) alike.
 */
class DashboardQueriesTest {

  private static final Path DASHBOARDS = DashboardQueries.defaultDirectory();
  private static final Path RULES = RuleQueries.defaultFile();
  private static final Map<String, String> TITLES = Map.of(
      "social-sla-overview.json", "Social SLA overview",
      "sources.json", "Sources",
      "alert-delivery.json", "Alert delivery");

  @Test
  @DisplayName("the three dashboards exist and each has panel queries")
  void shouldFindTheThreeDashboards() {
    List<Path> files = DashboardQueries.dashboardFiles(DASHBOARDS);
    Set<String> names = new TreeSet<>();
    files.forEach(f -> names.add(f.getFileName().toString()));
    assertEquals(new TreeSet<>(TITLES.keySet()), names);
    for (Path file : files) {
      assertEquals(TITLES.get(file.getFileName().toString()), DashboardQueries.read(file).path("title").asText());
      assertTrue(DashboardQueries.of(file).size() >= 5, () -> file + " has fewer than 5 panel queries");
    }
  }

  @Test
  @DisplayName("dashboard queries and variables use only product.md §3 metrics, up and recorded rules")
  void shouldUseOnlyContractMetricsInDashboards() {
    Set<String> allowed = allowedNames();
    List<String> problems = new ArrayList<>();
    for (DashboardQueries.PanelQuery q : DashboardQueries.load(DASHBOARDS)) {
      Set<String> used = DashboardQueries.metricNames(q.promql());
      if (used.isEmpty()) {
        problems.add(q.where() + ": selects no metric: " + q.expr());
      }
      used.stream().filter(n -> !allowed.contains(n)).forEach(n -> problems.add(q.where() + ": unknown metric " + n));
    }
    for (Path file : DashboardQueries.dashboardFiles(DASHBOARDS)) {
      for (DashboardQueries.VariableQuery v : DashboardQueries.variables(file)) {
        Set<String> used = DashboardQueries.metricNames(v.selector());
        if (used.isEmpty() || v.label().isEmpty()) {
          problems.add(v.file() + " variable $" + v.name() + ": not label_values(<metric>, <label>): " + v.query());
        }
        used.stream()
            .filter(n -> !allowed.contains(n))
            .forEach(n -> problems.add(v.file() + " variable $" + v.name() + ": unknown metric " + n));
      }
    }
    assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
  }

  @Test
  @DisplayName("rule expressions use only product.md §3 metrics, up and recorded rules")
  void shouldUseOnlyContractMetricsInRules() {
    Set<String> allowed = allowedNames();
    List<String> problems = new ArrayList<>();
    for (RuleQueries.Rule rule : RuleQueries.load(RULES)) {
      DashboardQueries.metricNames(rule.expr()).stream()
          .filter(n -> !allowed.contains(n))
          .forEach(n -> problems.add(rule.name() + ": unknown metric " + n));
    }
    assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
  }

  @Test
  @DisplayName("every panel query parses as PromQL (promtool check rules on a generated rule file)")
  void shouldParseEveryPanelQuery(@TempDir Path dir) throws IOException {
    List<DashboardQueries.PanelQuery> queries = DashboardQueries.load(DASHBOARDS);
    List<Map<String, String>> rules = new ArrayList<>();
    StringBuilder legend = new StringBuilder();
    for (int i = 0; i < queries.size(); i++) {
      Map<String, String> rule = new LinkedHashMap<>();
      rule.put("record", "dashboard_query_" + i);
      rule.put("expr", queries.get(i).promql());
      rules.add(rule);
      legend.append("dashboard_query_").append(i).append(" = ").append(queries.get(i).where()).append('\n');
    }
    Path file = dir.resolve("dashboard-queries.yml");
    new YAMLMapper().writeValue(file.toFile(), Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules))));
    Promtool.Result result = Promtool.run("check", "rules", file.toString());
    assertEquals(0, result.exitCode(), () -> "promtool rejected a panel query:\n" + result.output()
        + "\nqueries:\n" + legend + "\nfile:\n" + read(file));
  }

  @Test
  @DisplayName("every dashboard is importable (__inputs) and provisionable (DS_PROMETHEUS variable)")
  void shouldUseThePrometheusDatasourceInput() {
    Set<String> uids = new HashSet<>();
    for (Path file : DashboardQueries.dashboardFiles(DASHBOARDS)) {
      JsonNode dashboard = DashboardQueries.read(file);
      assertTrue(uids.add(dashboard.path("uid").asText()), () -> file + ": duplicate or missing uid");
      JsonNode input = dashboard.path("__inputs").path(0);
      assertEquals("DS_PROMETHEUS", input.path("name").asText(), file + ": __inputs");
      assertEquals("prometheus", input.path("pluginId").asText(), file + ": __inputs");
      JsonNode variables = dashboard.path("templating").path("list");
      assertTrue(hasVariable(variables, "DS_PROMETHEUS", "datasource"), file + ": no DS_PROMETHEUS datasource variable");
      assertEquals("row", dashboard.path("panels").path(0).path("type").asText(), file + ": starts with a row");
      for (JsonNode panel : dashboard.path("panels")) {
        if (panel.path("type").asText().equals("row")) {
          continue;
        }
        String title = file.getFileName() + " › " + panel.path("title").asText();
        assertEquals("${DS_PROMETHEUS}", panel.path("datasource").path("uid").asText(), title);
        for (JsonNode target : panel.path("targets")) {
          assertEquals("${DS_PROMETHEUS}", target.path("datasource").path("uid").asText(), title);
        }
      }
    }
  }

  @Test
  @DisplayName("the SLA overview filters by brand and platform")
  void shouldOfferBrandAndPlatformVariables() {
    JsonNode variables = DashboardQueries.read(DASHBOARDS.resolve("social-sla-overview.json"))
        .path("templating").path("list");
    assertTrue(hasVariable(variables, "brand", "query"));
    assertTrue(hasVariable(variables, "platform", "query"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "sum by (le, brand) (rate(a_bucket{le=~\"1800(\\\\.0)?\", x=\"y z\"}[5m])) | a_bucket",
      "time() - max by (p) (b_seconds{p=~\".*\"}) | b_seconds",
      "c_total > on () group_left () (1 - rec:x:ratio) | c_total rec:x:ratio",
      "histogram_quantile(0.9, sum without (i) (rate(d_bucket[1h] offset 5m))) | d_bucket",
      "vector(0.95) | ''",
      "up{job=\"replywatch\"} == 0 or absent(up{job=\"replywatch\"}) | up",
  })
  @DisplayName("metricNames finds the selected series and nothing else")
  void shouldExtractMetricNames(String expr, String expected) {
    Set<String> want = expected.isBlank() ? Set.of() : new TreeSet<>(List.of(expected.trim().split(" ")));
    assertEquals(want, DashboardQueries.metricNames(expr));
  }

  @Test
  @DisplayName("substitute replaces every Grafana variable and refuses unknown ones")
  void shouldSubstituteGrafanaVariables() {
    String expr = "increase(m{brand=~\"$brand\", platform=~\"${platform}\"}[$__range]) / $__rate_interval";
    String out = DashboardQueries.substitute(expr, DashboardQueries.DEFAULT_VARIABLES);
    assertEquals("increase(m{brand=~\".*\", platform=~\".*\"}[1h]) / 1m", out);
    assertFalse(out.contains("$"));
    try {
      DashboardQueries.substitute("m{x=\"$nope\"}", DashboardQueries.DEFAULT_VARIABLES);
      throw new AssertionError("expected an error for $nope");
    } catch (IllegalArgumentException expected) {
      assertTrue(expected.getMessage().contains("$nope"));
    }
  }

  private static Set<String> allowedNames() {
    Set<String> allowed = new TreeSet<>(MetricsContract.exportedSeriesNames());
    allowed.addAll(MetricsContract.PROMETHEUS_SERIES);
    allowed.addAll(RuleQueries.recordedNames(RULES));
    return allowed;
  }

  private static boolean hasVariable(JsonNode variables, String name, String type) {
    for (JsonNode v : variables) {
      if (v.path("name").asText().equals(name) && v.path("type").asText().equals(type)) {
        return true;
      }
    }
    return false;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }
}
