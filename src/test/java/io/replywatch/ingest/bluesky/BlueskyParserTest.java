package io.replywatch.ingest.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.ingest.PollException;
import io.replywatch.ingest.Post;
import io.replywatch.ingest.WireJson;
import io.replywatch.ingest.RateLimit;
import io.replywatch.ingest.bluesky.BlueskyParser.Listing;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The parser against the examples of social-apis.md §3. */
class BlueskyParserTest {
  private static final String BRAND = "did:plc:acmebrand222333344445555";
  static final String NOTIFICATIONS = """
      {"notifications": [
        {"uri": "at://did:plc:ucustomer5bbbbccccddddee/app.bsky.feed.post/3kmq2p6wk3s2c",
         "cid": "bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm",
         "author": {"did": "did:plc:ucustomer5bbbbccccddddee", "handle": "carol.bsky.social", "displayName": "Carol",
                    "labels": [], "indexedAt": "2024-03-01T09:00:00.000Z"},
         "reason": "mention",
         "record": {"$type": "app.bsky.feed.post", "text": "@acme.bsky.social my order never arrived", "langs": ["en"],
                    "createdAt": "2024-03-05T12:00:00.123Z",
                    "facets": [{"index": {"byteStart": 0, "byteEnd": 17},
                                "features": [{"$type": "app.bsky.richtext.facet#mention", "did": "did:plc:acmebrand222333344445555"}]}]},
         "isRead": false, "indexedAt": "2024-03-05T12:00:01.456Z", "labels": []},
        {"uri": "at://did:plc:fan/app.bsky.feed.like/3kmq2aaaa", "cid": "bafy", "author": {"did": "did:plc:fan", "handle": "fan.bsky.social"},
         "reason": "like", "record": {"$type": "app.bsky.feed.like", "createdAt": "2024-03-05T11:59:00.000Z"},
         "isRead": true, "indexedAt": "2024-03-05T11:59:00.100Z"},
        {"uri": "at://did:plc:ud4ve7abcdefghijklmnopqr/app.bsky.feed.post/3kmq2xyzab22c",
         "cid": "bafyreihx3aw7rj7ftm4l3bxbr5rxx2l5mf6ff3gpoyqfm6xr3q7xw6xz2e",
         "author": {"did": "did:plc:ud4ve7abcdefghijklmnopqr", "handle": "dan.bsky.social", "labels": []},
         "reason": "reply",
         "reasonSubject": "at://did:plc:acmebrand222333344445555/app.bsky.feed.post/3kmq2abcde22c",
         "record": {"$type": "app.bsky.feed.post", "text": "still broken", "langs": ["en"], "createdAt": "2024-03-05T11:58:00.000Z",
                    "reply": {"root":   {"uri": "at://did:plc:acmebrand222333344445555/app.bsky.feed.post/3kmq2root22c", "cid": "bafyrei…root"},
                              "parent": {"uri": "at://did:plc:acmebrand222333344445555/app.bsky.feed.post/3kmq2abcde22c", "cid": "bafyrei…p"}}},
         "isRead": true, "indexedAt": "2024-03-05T11:58:00.900Z", "labels": []}
      ],
      "cursor": "2024-03-05T11:58:00.900Z", "priority": false}
      """;

  @Test
  void shouldReadMentionsAndRepliesAndSkipOtherReasons() {
    Listing page = BlueskyParser.notifications(NOTIFICATIONS);
    assertEquals(2, page.items().size());
    assertEquals(Optional.of("2024-03-05T11:58:00.900Z"), page.cursor());
    Post carol = page.items().get(0).post();
    assertEquals("at://did:plc:ucustomer5bbbbccccddddee/app.bsky.feed.post/3kmq2p6wk3s2c", carol.id());
    assertEquals("did:plc:ucustomer5bbbbccccddddee", carol.authorId());
    assertEquals("carol.bsky.social", carol.authorHandle());
    assertEquals("@acme.bsky.social my order never arrived", carol.text());
    assertEquals(Instant.parse("2024-03-05T12:00:00.123Z"), carol.createdAt(), "createdAt, not indexedAt");
    assertEquals(Instant.parse("2024-03-05T12:00:01.456Z"), page.items().get(0).indexedAt());
    assertEquals("https://bsky.app/profile/carol.bsky.social/post/3kmq2p6wk3s2c", carol.permalink());
    assertEquals(Optional.empty(), carol.inReplyToId());
    assertEquals(Optional.of(carol.id()), carol.conversationId(), "a top-level post is its own conversation");
    assertEquals(Optional.of("en"), carol.language());
    assertEquals(java.util.List.of(BRAND), page.items().get(0).mentionedDids());

    Post dan = page.items().get(1).post();
    assertEquals(Optional.of("at://did:plc:acmebrand222333344445555/app.bsky.feed.post/3kmq2abcde22c"), dan.inReplyToId());
    assertEquals(Optional.of("at://did:plc:acmebrand222333344445555/app.bsky.feed.post/3kmq2root22c"), dan.conversationId());
  }

  @Test
  void shouldPlaceEveryNotificationInTheListsOrderAlsoThoseThatAreNoMention() {
    Listing page = BlueskyParser.notifications(NOTIFICATIONS);
    assertEquals(java.util.List.of(
        new BlueskyParser.Position(Instant.parse("2024-03-05T12:00:01.456Z"), page.items().get(0).post().id()),
        new BlueskyParser.Position(Instant.parse("2024-03-05T11:59:00.100Z"), "at://did:plc:fan/app.bsky.feed.like/3kmq2aaaa"),
        new BlueskyParser.Position(Instant.parse("2024-03-05T11:58:00.900Z"), page.items().get(1).post().id())),
        page.positions(), "the like too, in the page's order: it tells how far the page reaches");
    Listing odd = BlueskyParser.notifications("{\"notifications\":[{\"reason\":\"like\",\"uri\":\"at://x\","
        + "\"indexedAt\":\"yesterday\"}],\"cursor\":\"c\"}");
    assertEquals(java.util.List.of(), odd.positions(), "a like we cannot place is left out, not a malformed page");
  }

  @Test
  void shouldReadAnEmptyPageThatStillHasACursor() {
    Listing page = BlueskyParser.notifications("{\"notifications\":[],\"cursor\":\"abc\"}");
    assertTrue(page.items().isEmpty());
    assertEquals(Optional.of("abc"), page.cursor(), "reasons are filtered after paging: keep going");
    assertEquals(Optional.empty(), BlueskyParser.notifications("{\"notifications\":[]}").cursor());
  }

  @Test
  void shouldReadTheAuthorFeedWithRepliesAndSkipReposts() {
    String feed = """
        {"feed": [
          {"post": {"uri": "at://did:plc:acmebrand222333344445555/app.bsky.feed.post/3kreply", "cid": "c1",
                    "author": {"did": "did:plc:acmebrand222333344445555", "handle": "acme.bsky.social"},
                    "record": {"text": "So sorry Carol!", "createdAt": "2024-03-05T12:20:00Z",
                               "reply": {"root": {"uri": "at://did:plc:ucustomer5bbbbccccddddee/app.bsky.feed.post/3kmq2p6wk3s2c", "cid": "x"},
                                         "parent": {"uri": "at://did:plc:ucustomer5bbbbccccddddee/app.bsky.feed.post/3kmq2p6wk3s2c", "cid": "x"}}},
                    "indexedAt": "2024-03-05T12:20:00.500Z", "replyCount": 0}},
          {"post": {"uri": "at://did:plc:other/app.bsky.feed.post/3krepost", "cid": "c2",
                    "author": {"did": "did:plc:other", "handle": "other.bsky.social"},
                    "record": {"text": "news", "createdAt": "2024-03-05T10:00:00Z"}, "indexedAt": "2024-03-05T10:00:00Z"},
           "reason": {"$type": "app.bsky.feed.defs#reasonRepost", "by": {"did": "did:plc:acmebrand222333344445555"}}}
        ], "cursor": "next"}
        """;
    Listing page = BlueskyParser.authorFeed(feed);
    assertEquals(1, page.items().size());
    Post reply = page.items().get(0).post();
    assertEquals(BRAND, reply.authorId());
    assertEquals(Optional.of("at://did:plc:ucustomer5bbbbccccddddee/app.bsky.feed.post/3kmq2p6wk3s2c"), reply.inReplyToId());
  }

  @Test
  void shouldReadSearchHitsAndSessions() {
    Listing page = BlueskyParser.searchPosts("""
        {"posts": [{"uri": "at://did:plc:x/app.bsky.feed.post/3k1", "cid": "c", "author": {"did": "did:plc:x", "handle": "x.bsky.social"},
                    "record": {"text": "acme is down again", "createdAt": "2024-03-05T12:00:00+00:00"}, "indexedAt": "2024-03-05T12:00:01Z"}],
         "hitsTotal": 1}""");
    assertEquals(Instant.parse("2024-03-05T12:00:00Z"), page.items().get(0).post().createdAt());
    assertEquals(Optional.empty(), page.items().get(0).quotedUri());
    BlueskyParser.Listing quote = BlueskyParser.searchPosts("""
        {"posts": [{"uri": "at://did:plc:x/app.bsky.feed.post/3k2", "cid": "c", "author": {"did": "did:plc:x", "handle": "x.bsky.social"},
                    "record": {"text": "lol acme", "createdAt": "2024-03-05T12:00:00Z",
                               "embed": {"$type": "app.bsky.embed.record", "record": {"uri": "at://did:plc:acme/app.bsky.feed.post/3kb", "cid": "c"}}},
                    "indexedAt": "2024-03-05T12:00:01Z"}]}""");
    assertEquals(Optional.of("at://did:plc:acme/app.bsky.feed.post/3kb"), quote.items().get(0).quotedUri());
    assertEquals(Optional.empty(), page.cursor());
    BlueskyParser.Session s = BlueskyParser.session("""
        {"did":"did:plc:acme","handle":"acme.bsky.social","accessJwt":"eyJ.access","refreshJwt":"eyJ.refresh","active":true}""");
    assertEquals("did:plc:acme", s.did());
    assertFalse(s.toString().contains("eyJ"), "a session never prints its tokens");
  }

  @Test
  void shouldReadRateLimitHeadersInEpochSecondsAndRetryAfter() {
    Instant now = Instant.parse("2026-09-01T10:00:00Z");
    Map<String, String> h = Map.of("RateLimit-Limit", "3000", "RateLimit-Remaining", "0",
        "RateLimit-Reset", Long.toString(now.getEpochSecond() + 30), "RateLimit-Policy", "3000;w=300", "Retry-After", "90");
    RateLimit rate = BlueskyParser.rateLimit(h::get, now);
    assertEquals(0, rate.remaining().getAsInt());
    assertEquals(now.plusSeconds(30), rate.reset());
    assertEquals(now.plusSeconds(90), BlueskyParser.retryAt(h::get, now), "the later of reset and Retry-After");
    assertTrue(BlueskyParser.rateLimit(Map.<String, String>of("RateLimit-Remaining", "lots")::get, now).remaining().isEmpty());
    assertEquals(now, BlueskyParser.rateLimit(Map.of("RateLimit-Reset", "99999999999999999")::get, now).reset(),
        "a reset past Instant's range is no information, not a failed page");
  }

  @Test
  void shouldReadErrorBodiesAndHtmlPages() {
    assertEquals(new BlueskyParser.XrpcError("ExpiredToken", "Token has expired"),
        BlueskyParser.error("{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}"));
    assertEquals("NonJsonBody", BlueskyParser.error("<html><h1>403 Forbidden</h1></html>").name());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "<html>503</html>", "{\"notifications\": ", "[]", "{\"cursor\":\"x\"}",
      "{\"notifications\": {}}"})
  void shouldRejectMalformedPages(String body) {
    PollException e = assertThrows(PollException.class, () -> BlueskyParser.notifications(body));
    assertEquals(PollException.Kind.MALFORMED, e.kind());
  }

  /**
   * One notification the parser cannot read in a well-formed list: set aside, the others read, the cursor kept.
   * Failing the page for it failed every cycle for ever, since the AppView sends the same entry each time.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no uri | \"uri\": \"at://did:plc:ucustomer5bbbbccccddddee/app.bsky.feed.post/3kmq2p6wk3s2c\", | '' | '' | missing field 'uri'",
      "no indexedAt | \"indexedAt\": \"2024-03-05T12:00:01.456Z\" | \"isIndexed\": true | at://did:plc:ucustomer5bbbbccccddddee/app.bsky.feed.post/3kmq2p6wk3s2c | missing field 'indexedAt'",
      "bad indexedAt | 2024-03-05T12:00:01.456Z | soon | at://did:plc:ucustomer5bbbbccccddddee/app.bsky.feed.post/3kmq2p6wk3s2c | bad timestamp 'soon'",
      "no author DID | \"author\": {\"did\": \"did:plc:ucustomer5bbbbccccddddee\", | \"author\": { | at://did:plc:ucustomer5bbbbccccddddee/app.bsky.feed.post/3kmq2p6wk3s2c | missing field 'did'",
  })
  void shouldSetAsideAnUnreadableNotificationAndReadTheRest(String name, String from, String to, String uri,
      String reason) {
    Listing all = BlueskyParser.notifications(NOTIFICATIONS);
    Listing page = BlueskyParser.notifications(NOTIFICATIONS.replaceFirst(java.util.regex.Pattern.quote(from),
        java.util.regex.Matcher.quoteReplacement(to)));
    assertEquals(all.items().subList(1, all.items().size()), page.items(), "every other notification read");
    assertEquals(all.cursor(), page.cursor());
    assertEquals(1, page.rejected().size());
    assertEquals(uri.isEmpty() ? Optional.empty() : Optional.of(uri), page.rejected().get(0).id());
    assertEquals(reason, page.rejected().get(0).reason());
    assertTrue(page.rejected().get(0).raw().contains("my order never arrived"), "the entry's JSON is kept");
  }

  /** A missing {@code createdAt} is no reason to set a post aside: the index time stands in, as before. */
  @Test
  void shouldReadANotificationWithoutCreatedAt() {
    Listing page = BlueskyParser.notifications(NOTIFICATIONS.replace("\"createdAt\": \"2024-03-05T12:00:00.123Z\",", ""));
    assertEquals(java.util.List.of(), page.rejected());
    assertEquals(Instant.parse("2024-03-05T12:00:01.456Z"), page.items().get(0).post().createdAt());
  }

  /**
   * {@code createdAt} is the poster's own claim. Backdated by a day it would open an episode past its breach target
   * and page at once; a fast clock would hold the SLA clock back. Within five minutes before the index time it stands.
   */
  @ParameterizedTest(name = "createdAt {0}")
  @CsvSource({
      "2024-03-05T12:00:00.123Z, 2024-03-05T12:00:00.123Z",
      "2024-03-05T11:55:01.456Z, 2024-03-05T11:55:01.456Z",
      "2024-03-05T11:55:01.455Z, 2024-03-05T12:00:01.456Z",
      "2024-03-04T12:00:00Z, 2024-03-05T12:00:01.456Z",
      "2009-01-01T00:00:00Z, 2024-03-05T12:00:01.456Z",
      "2024-03-05T12:00:01.457Z, 2024-03-05T12:00:01.456Z",
      "2099-01-01T00:00:00Z, 2024-03-05T12:00:01.456Z",
  })
  void shouldBelieveCreatedAtOnlyJustBeforeTheIndexTime(String claimed, String taken) {
    Listing page = BlueskyParser.notifications(NOTIFICATIONS.replace("2024-03-05T12:00:00.123Z", claimed));
    Post post = page.items().get(0).post();
    assertEquals(Instant.parse(taken), post.createdAt());
    assertEquals(claimed.equals(taken) ? Optional.empty() : Optional.of(Instant.parse(claimed)), post.statedAt(),
        "a replaced time is kept, to be counted and logged");
  }

  /** The brand's own feed: a post set aside is a reply not seen; a feed item without a post is set aside too. */
  @Test
  void shouldSetAsideUnreadableBrandPosts() {
    Listing feed = BlueskyParser.authorFeed("{\"feed\": [{\"post\": {\"uri\": \"at://" + BRAND
        + "/app.bsky.feed.post/1\", \"author\": {\"did\": \"" + BRAND + "\"}, \"record\": {\"text\": \"hi\"}}},"
        + " {\"reply\": {}}, {\"post\": {\"uri\": \"at://" + BRAND + "/app.bsky.feed.post/2\", \"author\":"
        + " {\"did\": \"" + BRAND + "\"}, \"record\": {}, \"indexedAt\": \"2024-03-05T12:00:00Z\"}}], \"cursor\": \"c\"}");
    assertEquals(1, feed.items().size());
    assertEquals(java.util.List.of("missing field 'indexedAt'", "feed item without a post"),
        feed.rejected().stream().map(io.replywatch.ingest.Rejected::reason).toList());
    assertEquals(Optional.of("at://" + BRAND + "/app.bsky.feed.post/1"), feed.rejected().get(0).id());
  }

  /** An entry set aside earlier, read again as its list reads it; a like and a repost are nothing. */
  @Test
  void shouldReadAStoredEntryAsItsListDoes() {
    String post = "{\"uri\":\"at://did:plc:ann/app.bsky.feed.post/1\",\"author\":{\"did\":\"did:plc:ann\"},"
        + "\"indexedAt\":\"2026-09-01T10:00:00.000Z\",\"record\":{\"text\":\"hi\"}";
    assertEquals(Optional.of("did:plc:ann"), BlueskyParser.stored("notifications",
        WireJson.read("B", post + ",\"reason\":\"mention\"}")).map(i -> i.post().authorHandle()));
    assertEquals(Optional.empty(),
        BlueskyParser.stored("notifications", WireJson.read("B", post + ",\"reason\":\"like\"}")));
    assertTrue(BlueskyParser.stored("search:acme", WireJson.read("B", post + "}")).isPresent());
    assertEquals(Optional.empty(), BlueskyParser.stored("authorFeed", WireJson.read("B", "{\"post\":" + post
        + "},\"reason\":{\"$type\":\"app.bsky.feed.defs#reasonRepost\"}}")));
    assertThrows(PollException.class, () -> BlueskyParser.stored("authorFeed", WireJson.read("B", "{}")));
  }
}
