package io.replywatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.config.Platform;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClaimedTimeTest {
  private static final Instant READ = Instant.parse("2026-09-01T10:00:00Z");

  @ParameterizedTest(name = "dated {0}: taken at {1}")
  @CsvSource({
      "2026-09-01T09:00:00Z, 2026-09-01T09:00:00Z",
      "2026-09-01T10:00:00Z, 2026-09-01T10:00:00Z",
      "2026-09-01T10:05:00Z, 2026-09-01T10:05:00Z",
      "2026-09-01T10:05:00.001Z, 2026-09-01T10:00:00Z",
      "2099-01-01T00:00:00Z, 2026-09-01T10:00:00Z",
  })
  void shouldTakeAPostDatedAheadOfItsReadingAtItsReading(String dated, String taken) {
    Post p = new Post(Platform.MASTODON, "1", "2", "someone", "hi", Instant.parse(dated), Optional.empty(),
        Optional.empty(), "https://social.example/@someone/1", Optional.empty());
    Post read = ClaimedTime.notAfter(p, READ);
    assertEquals(Instant.parse(taken), read.createdAt());
    assertEquals(p, read.at(p.createdAt()), "nothing else changes");
  }
}
