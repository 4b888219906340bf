package io.replywatch.observe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What on-call relies on in every alert: a severity to route on, a summary, a description and a runbook that
 * exists; and a promtool unit test that names the alert.
 */
class AlertRuleConventionsTest {

  private static final Path PROMETHEUS = Promtool.projectDir().resolve("config/prometheus");
  private static final Set<String> SEVERITIES = Set.of("critical", "warning");

  @Test
  @DisplayName("every alert has a severity, summary, description and an existing runbook section, and a unit test")
  void shouldDescribeAndTestEveryAlert() throws IOException {
    JsonNode rules = new YAMLMapper().readTree(PROMETHEUS.resolve("rules/replywatch.yml").toFile());
    String runbook = Files.readString(PROMETHEUS.resolve("runbook.md"));
    JsonNode testCases = new YAMLMapper().readTree(PROMETHEUS.resolve("tests/replywatch_test.yml").toFile());
    List<String> problems = new ArrayList<>();
    int alerts = 0;
    for (JsonNode group : rules.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        if (!rule.hasNonNull("alert")) {
          continue;
        }
        alerts++;
        String name = rule.get("alert").asText();
        if (!SEVERITIES.contains(rule.path("labels").path("severity").asText())) {
          problems.add(name + ": severity must be one of " + SEVERITIES);
        }
        for (String annotation : List.of("summary", "description", "runbook_url")) {
          if (rule.path("annotations").path(annotation).asText().isBlank()) {
            problems.add(name + ": no " + annotation + " annotation");
          }
        }
        String url = rule.path("annotations").path("runbook_url").asText();
        String anchor = url.contains("#") ? url.substring(url.indexOf('#') + 1) : "";
        if (!anchor.equals(name.toLowerCase(Locale.ROOT)) || !runbook.contains("\n## " + name + "\n")) {
          problems.add(name + ": runbook_url must point at the section '## " + name + "' of runbook.md");
        }
        if (!firingAndQuiet(testCases, name)) {
          problems.add(name + ": tests/replywatch_test.yml needs a case where it fires and one where it does not");
        }
      }
    }
    assertTrue(alerts >= 5, "expected at least the five alerts of issue 7, found " + alerts);
    assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
  }

  /** True when some alert_rule_test of the unit-test file expects {@code name} to fire, and some expects silence. */
  private static boolean firingAndQuiet(JsonNode testFile, String name) {
    boolean fires = false;
    boolean quiet = false;
    for (JsonNode test : testFile.path("tests")) {
      for (JsonNode check : test.path("alert_rule_test")) {
        if (check.path("alertname").asText().equals(name)) {
          boolean expectsAlerts = check.path("exp_alerts").size() > 0;
          fires |= expectsAlerts;
          quiet |= !expectsAlerts;
        }
      }
    }
    return fires && quiet;
  }
}
