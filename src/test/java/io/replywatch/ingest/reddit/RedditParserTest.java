package io.replywatch.ingest.reddit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.ingest.PollException;
import io.replywatch.ingest.Post;
import io.replywatch.ingest.WireJson;
import io.replywatch.ingest.RateLimit;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Against the REC examples of social-apis.md §4.2 and the errors of §4.5. */
class RedditParserTest {
  private static final String MENTIONS = """
      {"kind": "Listing", "data": {"after": "t1_ekfncs9", "dist": 2, "modhash": null, "geo_filter": "", "before": null,
       "children": [
        {"kind": "t1", "data": {
          "id": "ekftbox", "name": "t1_ekftbox", "type": "username_mention", "subject": "username mention", "was_comment": true,
          "author": "2Botter2Loop", "author_fullname": "t2_3efd9zdo", "dest": "acmebrand",
          "body": "Hello /u/acmebrand, your submission was removed &amp; gone", "body_html": "<div class=\\"md\\"><p>Hello</p></div>",
          "parent_id": "t3_bb24k7", "context": "/r/RemovedByBotter/comments/bb24k7/just_a_normal_girl/ekftbox/?context=3",
          "subreddit": "RemovedByBotter", "created": 1554774308.0, "created_utc": 1554774308.0, "new": false,
          "score": 1, "likes": null, "replies": "", "first_message": null}},
        {"kind": "t4", "data": {"id": "abc", "name": "t4_abc", "body": "a private message", "created_utc": 1554774300.0}}
       ]}}
      """;
  private static final String COMMENTS = """
      {"kind": "Listing", "data": {"after": null, "dist": 1, "modhash": "", "geo_filter": "", "before": null, "children": [
        {"kind": "t1", "data": {
          "id": "k3yrfii", "name": "t1_k3yrfii", "author": "Acceptable-Bread-566", "author_fullname": "t2_puq6r71y",
          "body": "Did it work?", "created_utc": 1696754768.25, "parent_id": "t1_k3u4rtt", "link_id": "t3_agi5zf",
          "permalink": "/r/test/comments/agi5zf/test/k3yrfii/", "subreddit": "test", "edited": false, "replies": ""}},
        {"kind": "t3", "data": {"id": "agi5zf", "name": "t3_agi5zf", "title": "acme broke", "selftext": "again &lt;3",
          "author": "someone", "created_utc": 1696754700.0, "permalink": "/r/test/comments/agi5zf/test/?ref=search_posts"}}
      ]}}
      """;

  @Test
  void shouldKeepMentionsAndRepliesButNoPrivateMessageFromTheInbox() {
    String inbox = """
        {"kind": "Listing", "data": {"after": null, "before": null, "children": [
          {"kind": "t1", "data": {"id": "c1", "name": "t1_c1", "type": "comment_reply", "author": "jane",
            "body": "still broken", "parent_id": "t1_b1", "context": "/r/acme/comments/p1/x/c1/?context=3",
            "created_utc": 1696754768.0}},
          {"kind": "t1", "data": {"id": "c2", "name": "t1_c2", "type": "post_reply", "author": "omar",
            "body": "mine too", "parent_id": "t3_p2", "context": "/r/acme/comments/p2/x/c2/?context=3",
            "created_utc": 1696754767.0}},
          {"kind": "t4", "data": {"id": "m1", "name": "t4_m1", "body": "a private message",
            "created_utc": 1696754766.0}},
          {"kind": "t1", "data": {"id": "c3", "name": "t1_c3", "type": "username_mention", "author": "li",
            "body": "u/acme hi", "parent_id": "t3_p3", "context": "/r/acme/comments/p3/x/c3/?context=3",
            "created_utc": 1696754765.0}},
          {"kind": "t1", "data": {"id": "c4", "name": "t1_c4", "type": "some_other_type", "author": "mod",
            "body": "not a mention", "parent_id": "t3_p4", "context": "/r/acme/comments/p4/x/c4/", "created_utc": 1.0}}
        ]}}
        """;
    RedditParser.Listing l = RedditParser.inbox(inbox);
    assertEquals(java.util.List.of("t1_c1", "t1_c2", "t1_c3"), l.posts().stream().map(Post::id).toList());
    assertEquals("still broken", l.posts().get(0).text());
    assertEquals(Optional.of("t3_p2"), l.posts().get(1).conversationId());
  }

  @Test
  void shouldReadInboxMentionsWithContextInsteadOfPermalink() {
    RedditParser.Listing l = RedditParser.listing(MENTIONS);
    assertEquals(Optional.of("t1_ekfncs9"), l.after());
    assertEquals(Optional.empty(), l.before());
    assertEquals(1, l.posts().size(), "the private message is skipped");
    Post m = l.posts().get(0);
    assertEquals("t1_ekftbox", m.id());
    assertEquals("2Botter2Loop", m.authorHandle());
    assertEquals("Hello /u/acmebrand, your submission was removed & gone", m.text());
    assertEquals(Instant.ofEpochSecond(1554774308), m.createdAt());
    assertEquals(Optional.of("t3_bb24k7"), m.inReplyToId());
    assertEquals(Optional.of("t3_bb24k7"), m.conversationId());
    assertEquals("https://www.reddit.com/r/RemovedByBotter/comments/bb24k7/just_a_normal_girl/ekftbox/", m.permalink());
  }

  @Test
  void shouldReadCommentsAndPostsWithFractionalTimes() {
    RedditParser.Listing l = RedditParser.listing(COMMENTS);
    Post c = l.posts().get(0);
    assertEquals(Optional.of("t1_k3u4rtt"), c.inReplyToId());
    assertEquals(Optional.of("t3_agi5zf"), c.conversationId());
    assertEquals(Instant.parse("2023-10-08T08:46:08.250Z"), c.createdAt());
    Post p = l.posts().get(1);
    assertEquals("t3_agi5zf", p.id());
    assertEquals("acme broke\nagain <3", p.text());
    assertEquals(Optional.empty(), p.inReplyToId());
    assertEquals("https://www.reddit.com/r/test/comments/agi5zf/test/", p.permalink());
  }

  @Test
  void shouldReadTheEmptyListing() {
    RedditParser.Listing l = RedditParser.listing(
        "{\"kind\": \"Listing\", \"data\": {\"after\": null, \"dist\": 0, \"children\": [], \"before\": null}}");
    assertTrue(l.posts().isEmpty());
    assertEquals(Optional.empty(), l.after());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "<html><head><title>Too Many Requests</title></head><body><h1>whoa there, pardner!</h1></body></html>",
      "{\"kind\": \"Listing\", \"data\": {\"children\": [{\"kind\": \"t1\", \"data\": {\"id\": ",
      "{\"message\": \"Unauthorized\", \"error\": 401}",
      "{\"kind\": \"Listing\", \"data\": {\"children\": {}}}"})
  void shouldRejectMalformedPages(String body) {
    assertEquals(PollException.Kind.MALFORMED,
        assertThrows(PollException.class, () -> RedditParser.listing(body)).kind());
  }

  /**
   * One comment the parser cannot read in a well-formed Listing: set aside, the others read, {@code after} kept.
   * Failing the page for it failed every cycle for ever, since Reddit sends the same comment each time.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no created_utc | \"created_utc\": 1696754768.25, | '' | t1_k3yrfii | missing created_utc",
      "created_utc a string | 1696754768.25 | \"yesterday\" | t1_k3yrfii | missing created_utc",
      "created_utc past year 9999 | 1696754768.25 | 1e17 | t1_k3yrfii | created_utc out of range: 1.0E17",
      "created_utc far out (its low 64 bits would be some date) | 1696754768.25 | 1e300 | t1_k3yrfii | created_utc out of range: 1.0E300",
      "created_utc before 1970 | 1696754768.25 | -1.5 | t1_k3yrfii | created_utc out of range: -1.5",
      "no id | \"id\": \"k3yrfii\", \"name\": \"t1_k3yrfii\", | '' | '' | missing field 'id'",
  })
  void shouldSetAsideAnUnreadableCommentAndReadTheRest(String name, String from, String to, String id,
      String reason) {
    RedditParser.Listing l = RedditParser.listing(COMMENTS.replace(from, to).replace("\"after\": null",
        "\"after\": \"t3_agi5zf\""));
    assertEquals(java.util.List.of("t3_agi5zf"), l.posts().stream().map(Post::id).toList(), "the post is read");
    assertEquals(Optional.of("t3_agi5zf"), l.after(), "paging goes on by the listing's own after");
    assertEquals(1, l.rejected().size());
    assertEquals(id.isEmpty() ? Optional.empty() : Optional.of(id), l.rejected().get(0).id());
    assertEquals(reason, l.rejected().get(0).reason());
    assertTrue(l.rejected().get(0).raw().contains("Did it work?"), "the comment's JSON is kept");
  }

  @Test
  void shouldReadRelativeFractionalReset() {
    Instant now = Instant.parse("2026-09-01T10:00:00Z");
    RateLimit r = RedditParser.rateLimit(Map.of("x-ratelimit-used", "1", "x-ratelimit-remaining", "599.0",
        "x-ratelimit-reset", "525")::get, now);
    assertEquals(OptionalInt.of(599), r.remaining());
    assertEquals(now.plusSeconds(525), r.reset());
    assertEquals(now.plusMillis(1500),
        RedditParser.rateLimit(Map.of("x-ratelimit-reset", "1.5")::get, now).reset());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"message\": \"Too Many Requests\", \"error\": 429}|Too Many Requests",
      "{\"error\": 403}|error 403",
      "{\"reason\": \"private\", \"message\": \"Forbidden\", \"error\": 403}|Forbidden: private",
      "<html><body>whoa there, pardner!</body></html>|non-JSON error body"})
  void shouldReadErrorBodies(String body, String expected) {
    assertEquals(expected, RedditParser.errorMessage(body));
  }

  @Test
  void shouldReadTokensAndRefusals() {
    RedditParser.Token t = RedditParser.token(
        "{\"access_token\": \"abc\", \"token_type\": \"bearer\", \"expires_in\": 86400, \"scope\": \"*\"}");
    assertEquals(86400, t.expiresInSeconds());
    assertEquals(PollException.Kind.AUTH,
        assertThrows(PollException.class, () -> RedditParser.token("{\"error\": \"invalid_grant\"}")).kind());
  }

  @Test
  void shouldNameRedditsTokenUrl() {
    assertEquals("https://www.reddit.com/api/v1/access_token", RedditAuth.tokenUrl("https://oauth.reddit.com"));
    assertEquals("http://127.0.0.1:9/api/v1/access_token", RedditAuth.tokenUrl("http://127.0.0.1:9"));
  }

  /** A thing set aside earlier, read again as its listing reads it; an inbox item of another type is nothing. */
  @Test
  void shouldReadAStoredThingAsItsListingDoes() {
    String data = "\"id\":\"c1\",\"author\":\"ann\",\"body\":\"acme broke\",\"created_utc\":1788256800";
    assertEquals(Optional.of("t1_c1"), RedditParser.stored("mentions", WireJson.read("R",
        "{\"kind\":\"t1\",\"data\":{" + data + ",\"type\":\"username_mention\"}}")).map(Post::id));
    assertEquals(Optional.empty(), RedditParser.stored("mentions", WireJson.read("R",
        "{\"kind\":\"t1\",\"data\":{" + data + ",\"type\":\"private_message\"}}")));
    assertTrue(RedditParser.stored("comments:r/acme", WireJson.read("R", "{\"kind\":\"t1\",\"data\":{" + data + "}}"))
        .isPresent());
    assertThrows(IllegalArgumentException.class, () -> RedditParser.stored("saved", WireJson.read("R", "{}")));
  }
}
