package io.replywatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.replywatch.config.Platform;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
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
    Optional<Instant> stated = dated.equals(taken) ? Optional.empty() : Optional.of(p.createdAt());
    assertEquals(new Post(p.platform(), p.id(), p.authorId(), p.authorHandle(), p.text(), Instant.parse(taken),
        p.inReplyToId(), p.conversationId(), p.permalink(), p.language(), stated), read,
        "nothing else changes, and a replaced time is kept as the stated one");
  }

  @Test
  void shouldKeepTheFirstStatedTimeThroughTwoReplacements() {
    Post p = new Post(Platform.BLUESKY, "at://x", "did:plc:x", "x", "hi", READ.minusSeconds(86_400), Optional.empty(),
        Optional.empty(), "https://bsky.app/profile/x/post/x", Optional.empty());
    Post twice = p.at(READ.minusSeconds(60)).at(READ);
    assertEquals(READ, twice.createdAt());
    assertEquals(Optional.of(READ.minusSeconds(86_400)), twice.statedAt(), "what the post said, not the first stand-in");
    assertSame(p, p.at(p.createdAt()), "its own time replaces nothing");
  }
}
