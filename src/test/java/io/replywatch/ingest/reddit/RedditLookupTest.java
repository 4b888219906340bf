package io.replywatch.ingest.reddit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.replywatch.ingest.PollException;
import io.replywatch.ingest.Presence;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedditLookupTest {

  @Test
  void shouldReadOnlyTheAuthorsDeletionAsGone() {
    String body = """
        {"kind": "Listing", "data": {"after": null, "dist": 4, "before": null, "children": [
          {"kind": "t1", "data": {"name": "t1_a", "author": "[deleted]", "body": "[deleted]"}},
          {"kind": "t1", "data": {"name": "t1_b", "author": "[deleted]", "body": "[removed]"}},
          {"kind": "t1", "data": {"name": "t1_c", "author": "jane", "body": "still broken"}},
          {"kind": "t3", "data": {"name": "t3_d", "author": "[deleted]", "selftext": "[deleted]"}},
          {"kind": "t3", "data": {"name": "t3_e", "author": "[deleted]", "selftext": ""}}]}}""";
    assertEquals(Map.of("t1_a", Presence.GONE, "t1_b", Presence.THERE, "t1_c", Presence.THERE,
        "t3_d", Presence.GONE, "t3_e", Presence.THERE),
        RedditLookup.things(List.of("t1_a", "t1_b", "t1_c", "t3_d", "t3_e", "t1_missing"), body));
  }

  @Test
  void shouldReadNothingFromABodyThatIsNotAListing() {
    assertThrows(PollException.class, () -> RedditLookup.things(List.of("t1_a"), "{\"message\": \"Forbidden\"}"));
    assertThrows(PollException.class, () -> RedditLookup.things(List.of("t1_a"), "<html>whoa there</html>"));
  }
}
