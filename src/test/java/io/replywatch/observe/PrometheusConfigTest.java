package io.replywatch.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus side of issue 7, checked by promtool itself: the scrape config loads (with its rule files),
 * the rules parse, and the rule unit tests in config/prometheus/tests pass, each alert firing and not firing.
 */
class PrometheusConfigTest {

  @Test
  @DisplayName("promtool check config accepts config/prometheus/prometheus.yml and its rule files")
  void shouldAcceptScrapeConfig() {
    assertSucceeds(Promtool.run("check", "config", "config/prometheus/prometheus.yml"));
  }

  @Test
  @DisplayName("promtool check rules accepts config/prometheus/rules/replywatch.yml")
  void shouldAcceptRules() {
    assertSucceeds(Promtool.run("check", "rules", "config/prometheus/rules/replywatch.yml"));
  }

  @Test
  @DisplayName("promtool test rules passes every alert and recording-rule test")
  void shouldPassRuleUnitTests() {
    assertSucceeds(Promtool.run("test", "rules", "config/prometheus/tests/replywatch_test.yml"));
  }

  private static void assertSucceeds(Promtool.Result result) {
    assertEquals(0, result.exitCode(), () -> "promtool exited " + result.exitCode() + ":\n" + result.output());
  }
}
