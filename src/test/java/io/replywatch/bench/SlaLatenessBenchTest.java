package io.replywatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaLatenessBenchTest {

  @Test
  void shouldFireEveryDeadlineAndReportTheFiguresNamedInTheIssue() throws Exception {
    LinkedHashMap<String, Double> f =
        new SlaLatenessBench(2_000, Duration.ofMillis(500), Duration.ofMillis(500)).run(msg -> {});
    assertEquals(List.of("deadline_lateness_ms_p50", "deadline_lateness_ms_p99", "deadline_lateness_ms_max",
        "deadlines", "bare_timer_lateness_ms_p50", "bare_timer_lateness_ms_p99"), List.copyOf(f.keySet()));
    assertEquals(2_000.0, f.get("deadlines"));
    assertTrue(f.get("deadline_lateness_ms_p50") >= 0, "a deadline never fires early: " + f);
    assertTrue(f.get("deadline_lateness_ms_p50") <= f.get("deadline_lateness_ms_max"));
    assertTrue(Benchmarks.sections().stream().anyMatch(s -> s.name().equals("sla")));
  }
}
