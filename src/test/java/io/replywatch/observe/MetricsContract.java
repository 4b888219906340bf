package io.replywatch.observe;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metric names of product.md §3, the contract the service exports and every dashboard and rule may use.
 * Kept in the tests (not read from docs/) so a fresh clone can check itself; a name added to §3 is added here.
 */
final class MetricsContract {

  /** §3 table: base name → Prometheus type. */
  static final Map<String, String> METRICS = Map.of(
      "replywatch_mentions_total", "counter",
      "replywatch_response_seconds", "histogram",
      "replywatch_waiting", "gauge",
      "replywatch_sla_events_total", "counter",
      "replywatch_notifications_total", "counter",
      "replywatch_poll_requests_total", "counter",
      "replywatch_source_last_success_timestamp_seconds", "gauge",
      "replywatch_ratelimit_remaining", "gauge",
      "replywatch_ingest_lag_seconds", "histogram");

  /** Series Prometheus itself adds for every scrape target. */
  static final Set<String> PROMETHEUS_SERIES = Set.of("up");

  private MetricsContract() {}

  /** Every series name the service exposes under the contract: histograms as _bucket, _count and _sum. */
  static Set<String> exportedSeriesNames() {
    Set<String> names = new TreeSet<>();
    METRICS.forEach((name, type) -> {
      if (type.equals("histogram")) {
        names.add(name + "_bucket");
        names.add(name + "_count");
        names.add(name + "_sum");
      } else {
        names.add(name);
      }
    });
    return names;
  }
}
