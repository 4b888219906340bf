package io.replywatch.observe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the real service on a simulator scenario ({@link LiveReplywatch}), scraped by a real Prometheus
 * with the shipped rules. Every panel query must return data, every rule must evaluate without error, and every
 * series name the dashboards and rules select must exist in the service's {@code /metrics}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardsAgainstPrometheusTest {

  private static final int SCRAPES = 8;
  /** Slack messages that show the scenario got past warnings, a breach and answers (demo shift, first cycle). */
  private static final int DELIVERIES = 6;

  private LiveReplywatch exporter;
  private PrometheusServer prometheus;

  @BeforeAll
  void start(@TempDir Path workDir) throws Exception {
    Promtool.require("prometheus", "PROMETHEUS_BINARY");
    exporter = new LiveReplywatch();
    prometheus = PrometheusServer.start(workDir, exporter.target(), List.of(RuleQueries.defaultFile()));
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (scrapes() < SCRAPES || exporter.delivered() < DELIVERIES) {
      assertTrue(System.nanoTime() < deadline, () -> "after 90 s: " + scrapeCount() + " scrapes, "
          + exporter.delivered() + " Slack deliveries\n" + prometheus.log());
      java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
    }
    // Rules are evaluated every second: let two more evaluations see the last scrape.
    int seen = scrapes();
    while (scrapes() < seen + 2) {
      java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
    }
  }

  private int scrapes() {
    try {
      JsonNode r = prometheus.query("count_over_time(up{job=\"replywatch\"}[10m])").path("result");
      return r.isEmpty() ? 0 : (int) Double.parseDouble(r.path(0).path("value").path(1).asText("0"));
    } catch (Exception e) {
      return 0; // Prometheus still starting
    }
  }

  private String scrapeCount() {
    return Integer.toString(scrapes());
  }

  @AfterAll
  void stop() throws Exception {
    if (prometheus != null) {
      prometheus.close();
    }
    if (exporter != null) {
      exporter.close();
    }
  }

  @Test
  @DisplayName("every panel query returns data from a real Prometheus")
  void shouldReturnDataForEveryPanelQuery() throws Exception {
    List<String> empty = new ArrayList<>();
    for (DashboardQueries.PanelQuery q : DashboardQueries.load(DashboardQueries.defaultDirectory())) {
      JsonNode data = prometheus.query(q.promql());
      if (!hasNumber(data)) {
        empty.add(q.where() + ": " + q.promql() + " → " + data);
      }
    }
    assertTrue(empty.isEmpty(), () -> "queries without data:\n" + String.join("\n", empty));
  }

  @Test
  @DisplayName("every recording and alerting rule evaluates without error, recording rules with data")
  void shouldEvaluateEveryRule() throws Exception {
    List<String> problems = new ArrayList<>();
    int count = 0;
    for (JsonNode group : prometheus.rules().path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        count++;
        if (!"ok".equals(rule.path("health").asText())) {
          problems.add(rule.path("name").asText() + ": health " + rule.path("health").asText() + " "
              + rule.path("lastError").asText());
        }
        if ("recording".equals(rule.path("type").asText())
            && !hasNumber(prometheus.query(rule.path("name").asText()))) {
          problems.add(rule.path("name").asText() + ": recorded no data");
        }
      }
    }
    int expected = RuleQueries.load(RuleQueries.defaultFile()).size();
    assertTrue(count == expected, "Prometheus loaded " + count + " rules, the file has " + expected);
    assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
  }

  @Test
  @DisplayName("every series name the dashboards and rules select is in /metrics (or is recorded, or is up)")
  void shouldFindEveryUsedNameInTheScrape() throws Exception {
    Set<String> recorded = RuleQueries.recordedNames(RuleQueries.defaultFile());
    Set<String> used = new TreeSet<>();
    DashboardQueries.load(DashboardQueries.defaultDirectory()).forEach(q -> used.addAll(DashboardQueries.metricNames(q.promql())));
    RuleQueries.load(RuleQueries.defaultFile()).forEach(r -> used.addAll(DashboardQueries.metricNames(r.expr())));
    used.removeAll(recorded);
    used.removeAll(MetricsContract.PROMETHEUS_SERIES);
    String scrape = exporter.scrapeText();
    List<String> missing = used.stream()
        .filter(name -> !scrape.contains("\n" + name + "{") && !scrape.contains("\n" + name + " "))
        .toList();
    assertTrue(missing.isEmpty(), () -> "not in /metrics: " + missing);
  }

  /** True when an instant-query answer holds at least one sample that is a number (not NaN). */
  private static boolean hasNumber(JsonNode data) {
    JsonNode result = data.path("result");
    if ("scalar".equals(data.path("resultType").asText())) {
      return !result.path(1).asText().equals("NaN");
    }
    for (JsonNode series : result) {
      if (!series.path("value").path(1).asText().equals("NaN")) {
        return true;
      }
    }
    return false;
  }
}
