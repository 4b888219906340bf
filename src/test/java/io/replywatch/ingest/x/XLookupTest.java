package io.replywatch.ingest.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.replywatch.ingest.PollException;
import io.replywatch.ingest.Presence;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XLookupTest {

  @Test
  void shouldReadOnlyResourceNotFoundAsGone() {
    String body = """
        {"data":[{"id":"1","text":"hi","edit_history_tweet_ids":["1"]}],
         "errors":[
          {"value":"2","detail":"Could not find tweet with ids: [2].","title":"Not Found Error","resource_type":"tweet",
           "parameter":"ids","resource_id":"2","type":"https://api.twitter.com/2/problems/resource-not-found"},
          {"value":"3","detail":"Sorry, you are not authorized to see the Tweet with ids: [3].",
           "title":"Authorization Error","resource_type":"tweet","parameter":"ids","resource_id":"3",
           "type":"https://api.twitter.com/2/problems/not-authorized-for-resource"},
          {"value":"4","title":"Something Else","resource_id":"4","type":"https://api.twitter.com/2/problems/other"},
          {"value":"5","title":"Not Found Error","resource_type":"user","resource_id":"5",
           "type":"https://api.twitter.com/2/problems/resource-not-found"}]}""";
    assertEquals(Map.of("1", Presence.THERE, "2", Presence.GONE, "3", Presence.THERE),
        XLookup.tweets(List.of("1", "2", "3", "4", "5", "6"), body));
  }

  @Test
  void shouldReadNothingFromABodyWithoutDataOrErrors() {
    assertThrows(PollException.class, () -> XLookup.tweets(List.of("1"), "{\"meta\":{\"result_count\":0}}"));
    assertThrows(PollException.class, () -> XLookup.tweets(List.of("1"), "{\"data\":[{\"id\":"));
  }
}
