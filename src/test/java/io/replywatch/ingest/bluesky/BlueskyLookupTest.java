package io.replywatch.ingest.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.replywatch.ingest.PollException;
import io.replywatch.ingest.Presence;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlueskyLookupTest {
  private static final String A = "at://did:plc:ucustomer/app.bsky.feed.post/3kaaa";
  private static final String B = "at://did:plc:ucustomer/app.bsky.feed.post/3kbbb";

  @Test
  void shouldReadALeftOutPostAsGone() {
    assertEquals(Map.of(A, Presence.THERE, B, Presence.GONE),
        BlueskyLookup.posts(List.of(A, B), "{\"posts\":[{\"uri\":\"" + A + "\",\"cid\":\"bafy\"}]}"));
  }

  @Test
  void shouldReadNothingFromAnAnswerItCannotTrust() {
    assertThrows(PollException.class, () -> BlueskyLookup.posts(List.of(A), "{\"feed\":[]}"));
    assertThrows(PollException.class, () -> BlueskyLookup.posts(List.of(A), "<html>403 Forbidden</html>"));
    // A URI written differently from ours (a handle for the DID): our own would wrongly read as gone.
    assertThrows(PollException.class, () -> BlueskyLookup.posts(List.of(A),
        "{\"posts\":[{\"uri\":\"at://jane.bsky.social/app.bsky.feed.post/3kaaa\"}]}"));
  }
}
