package io.replywatch.ingest.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.replywatch.ingest.PollException;
import io.replywatch.ingest.Presence;
import org.junit.jupiter.api.Test;

class MastodonLookupTest {

  @Test
  void shouldReadGoneOnlyFromMastodonsOwnNotFoundBody() {
    assertEquals(Presence.GONE, MastodonLookup.notFound("{\"error\":\"Record not found\"}"));
    assertThrows(PollException.class, () -> MastodonLookup.notFound("<html><h1>404 Not Found</h1></html>"));
    assertThrows(PollException.class, () -> MastodonLookup.notFound("{\"error\":\"This action is not allowed\"}"));
    assertThrows(PollException.class, () -> MastodonLookup.notFound(""));
  }

  @Test
  void shouldReadThereOnlyForTheStatusAskedFor() {
    assertEquals(Presence.THERE, MastodonLookup.found("7", "{\"id\":\"7\",\"content\":\"<p>hi</p>\"}"));
    assertThrows(PollException.class, () -> MastodonLookup.found("7", "{\"id\":\"8\"}"));
    assertThrows(PollException.class, () -> MastodonLookup.found("7", "[{\"id\":\"7\"}]"));
    assertThrows(PollException.class, () -> MastodonLookup.found("7", "{\"id\":"));
  }
}
