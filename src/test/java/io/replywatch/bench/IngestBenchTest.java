package io.replywatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.simulator.mastodon.MastodonPageStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench compares like with like: both paths see every mention of the same pages (not a timed test). */
class IngestBenchTest {

  @Test
  void shouldCountTheSameMentionsOnBothPaths() {
    Instant t0 = Instant.parse("2026-09-01T10:00:00Z");
    List<String> pages = MastodonPageStream.notificationPages(3, 80, t0);
    for (String page : pages) {
      assertEquals(80, IngestBench.ingest(page, t0));
      assertEquals(80, IngestBench.rawParse(page));
    }
    assertEquals("ingest", new IngestBench().name());
    assertEquals(true, Benchmarks.sections().stream().anyMatch(s -> s.name().equals("ingest")));
  }
}
