package io.replywatch.observe;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The metric names of product.md §3, the contract the service exports and every dashboard and rule may use.
 * Kept in the tests (not read from docs/) so a fresh clone can check itself; a name added to §3 is added here.
 */
final class MetricsContract {

  /** §3 table, plus the metrics the service adds to it: base name → Prometheus type. */
  static final Map<String, String> METRICS = Map.ofEntries(
      Map.entry("replywatch_first_response_seconds", "histogram"),
      Map.entry("replywatch_next_response_seconds", "histogram"),
      Map.entry("replywatch_mentions_total", "counter"),
      Map.entry("replywatch_response_seconds", "histogram"),
      Map.entry("replywatch_response_sla_seconds", "histogram"),
      Map.entry("replywatch_waiting", "gauge"),
      Map.entry("replywatch_sla_events_total", "counter"),
      Map.entry("replywatch_notifications_total", "counter"),
      Map.entry("replywatch_poll_requests_total", "counter"),
      Map.entry("replywatch_poll_items_rejected_total", "counter"),
      Map.entry("replywatch_poll_items_recovered_total", "counter"),
      Map.entry("replywatch_poll_items_redated_total", "counter"),
      Map.entry("replywatch_source_last_success_timestamp_seconds", "gauge"),
      Map.entry("replywatch_source_poll_interval_seconds", "gauge"),
      Map.entry("replywatch_ratelimit_remaining", "gauge"),
      Map.entry("replywatch_source_backlog_seconds", "gauge"),
      Map.entry("replywatch_source_ranges_dropped_total", "counter"),
      Map.entry("replywatch_ingest_lag_seconds", "histogram"),
      Map.entry("replywatch_deleted_checks_total", "counter"),
      Map.entry("replywatch_episodes_closed_deleted_total", "counter"));

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
