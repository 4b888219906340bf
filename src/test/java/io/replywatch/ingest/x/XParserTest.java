package io.replywatch.ingest.x;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.ingest.PollException;
import io.replywatch.ingest.Post;
import io.replywatch.ingest.WireJson;
import io.replywatch.ingest.RateLimit;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Against the mentions example of social-apis.md §1.2 and the error bodies of §1.5. */
class XParserTest {
  private static final String PAGE = """
      {
        "data": [
          {"id": "1339667017109032966", "edit_history_tweet_ids": ["1339667017109032966"],
           "text": "@AcmeBrand my order #123 never arrived &amp; I&#39;m &lt;angry&gt;", "created_at": "2020-12-17T20:21:21.000Z",
           "author_id": "92073489", "conversation_id": "1339667017109032966", "lang": "en",
           "entities": {"mentions": [{"start": 0, "end": 10, "username": "AcmeBrand", "id": "2244994945"}]},
           "public_metrics": {"retweet_count": 0, "reply_count": 1, "like_count": 0, "quote_count": 0}},
          {"id": "1339662682102886402", "edit_history_tweet_ids": ["1339662682102886402"],
           "text": "@AcmeBrand thanks, that fixed it", "created_at": "2020-12-17T20:04:07.000Z",
           "author_id": "1307302673318895621", "conversation_id": "1339659629228384256",
           "in_reply_to_user_id": "2244994945",
           "referenced_tweets": [{"type": "quoted", "id": "1"}, {"type": "replied_to", "id": "1339662632354275342"}],
           "lang": "und"},
          {"id": "1339662682102886400", "text": "no expansion for me", "created_at": "2020-12-17T20:04:06.000Z",
           "author_id": "555"}
        ],
        "includes": {"users": [{"id": "92073489", "name": "Red", "username": "RedTheOne"},
                               {"id": "1307302673318895621", "name": "Bot", "username": "some_bot"}]},
        "errors": [{"value": "1339662632354275342", "detail": "Could not find tweet", "title": "Not Found Error",
                    "resource_type": "tweet", "parameter": "referenced_tweets.id", "type": "https://api.twitter.com/2/problems/resource-not-found"}],
        "meta": {"newest_id": "1339667017109032966", "oldest_id": "1339662682102886402", "result_count": 2,
                 "next_token": "7140dibdnow9c7btw3w29n6yp637sumd41z7ms1qod7ax"}
      }
      """;

  @Test
  void shouldJoinHandlesDetectRepliesAndKeepConversation() {
    XParser.Page page = XParser.page(PAGE);
    assertEquals(Optional.of("1339667017109032966"), page.newestId());
    assertEquals(Optional.of("1339662682102886402"), page.oldestId(), "meta.oldest_id: the next until_id");
    assertEquals(Optional.of("7140dibdnow9c7btw3w29n6yp637sumd41z7ms1qod7ax"), page.nextToken());
    List<Post> posts = page.posts();
    assertEquals(3, posts.size());
    Post first = posts.get(0);
    assertEquals("RedTheOne", first.authorHandle());
    assertEquals("@AcmeBrand my order #123 never arrived & I'm <angry>", first.text());
    assertEquals(Instant.parse("2020-12-17T20:21:21Z"), first.createdAt());
    assertEquals(Optional.of("1339667017109032966"), first.conversationId());
    assertEquals(Optional.empty(), first.inReplyToId());
    assertEquals("https://x.com/RedTheOne/status/1339667017109032966", first.permalink());
    assertEquals(Optional.of("en"), first.language());
    Post reply = posts.get(1);
    assertEquals(Optional.of("1339662632354275342"), reply.inReplyToId(), "replied_to, not quoted");
    assertEquals(Optional.of("1339659629228384256"), reply.conversationId());
    assertEquals(Optional.empty(), reply.language(), "und is no language");
    assertEquals("https://twitter.com/i/web/status/1339662682102886400", posts.get(2).permalink());
  }

  /** A complaint (…900) edited twice, to …950, as a timeline returns it: the latest version only. */
  private static final String EDIT = """
      {"id": "1339667017109032950",
       "edit_history_tweet_ids": ["1339667017109032900", "1339667017109032920", "1339667017109032950"],
       "text": "@AcmeBrand my order #123 never arrived, still nothing", "created_at": "2020-12-17T20:30:00.000Z",
       "author_id": "92073489", "conversation_id": "1339667017109032900"}""";

  /** The brand's reply to the edited version, with the referenced_tweets.id expansion. */
  private static final String REPLY_TO_EDIT = """
      {"data": [{"id": "1339667017109032990", "edit_history_tweet_ids": ["1339667017109032990"],
                 "text": "@RedTheOne sorry, sending a new one", "created_at": "2020-12-17T20:40:00.000Z",
                 "author_id": "2244994945", "conversation_id": "1339667017109032900",
                 "referenced_tweets": [{"type": "replied_to", "id": "1339667017109032950"}]}],
       "includes": {"users": [{"id": "2244994945", "username": "AcmeBrand"}], "tweets": [%s]},
       "meta": {"result_count": 1}}""".formatted(EDIT);

  @Test
  void shouldMapAnEditedTweetToItsOriginalWithTheLatestText() {
    // No meta.newest_id: the parser finds the newest id itself, and it must be the edit's own.
    XParser.Page page = XParser.page("""
        {"data": [%s], "includes": {"users": [{"id": "92073489", "username": "RedTheOne"}]},
         "meta": {"result_count": 1}}""".formatted(EDIT));
    Post edited = page.posts().get(0);
    assertEquals("1339667017109032900", edited.id(), "the original's id: the same post as the one seen before");
    assertEquals("@AcmeBrand my order #123 never arrived, still nothing", edited.text(), "the latest version");
    assertEquals("https://x.com/RedTheOne/status/1339667017109032950", edited.permalink(), "links what it quotes");
    assertEquals(Optional.of("1339667017109032950"), page.newestId(),
        "since_id moves past the edit's own id, not back to the original's");
    assertEquals(Optional.of("1339667017109032950"), page.oldestId(), "until_id too: the wire id");
  }

  @Test
  void shouldMapAReplyToAnEditedTweetToTheOriginal() {
    Post reply = XParser.page(REPLY_TO_EDIT).posts().get(0);
    assertEquals("1339667017109032990", reply.id());
    assertEquals(Optional.of("1339667017109032900"), reply.inReplyToId(), "the edit's original, from includes.tweets");
  }

  /** The two tweets of social-apis.md §1.2: their ids carry their created_at (to the second it shows). */
  @ParameterizedTest
  @CsvSource({
      "1339667017109032966, 2020-12-17T20:21:21.345Z",
      "1339662682102886402, 2020-12-17T20:04:07.799Z",
      "0, 2010-11-04T01:42:54.657Z"})
  void shouldReadATweetsTimeFromItsSnowflakeId(String id, String at) {
    assertEquals(Optional.of(Instant.parse(at)), XParser.idTime(id));
  }

  @ParameterizedTest
  @CsvSource({"abc", "-5", "99999999999999999999", "2026-09-01T10:00:00Z"})
  void shouldReadNoTimeFromWhatIsNoSnowflake(String id) {
    assertEquals(Optional.empty(), XParser.idTime(id));
  }

  @Test
  void shouldReadTheEmptyPage() {
    XParser.Page page = XParser.page("{\"meta\":{\"result_count\":0}}");
    assertTrue(page.posts().isEmpty());
    assertEquals(Optional.empty(), page.newestId());
    assertEquals(Optional.empty(), page.oldestId());
    assertEquals(Optional.empty(), page.nextToken());
  }

  /** A suspended or deleted user id: X answers 200 with only an errors array, which is no malformed page. */
  @Test
  void shouldSayWhatXSaidWhenA200CarriesOnlyErrors() {
    String body = "{\"errors\":[{\"value\":\"42\",\"detail\":\"User has been suspended: [42].\","
        + "\"title\":\"Forbidden\",\"resource_type\":\"user\",\"parameter\":\"id\",\"resource_id\":\"42\","
        + "\"type\":\"https://api.twitter.com/2/problems/resource-not-found\"}]}";
    PollException e = assertThrows(PollException.class, () -> XParser.page(body));
    assertEquals(PollException.Kind.REJECTED, e.kind());
    assertEquals("X answered 200 with errors only: Forbidden: User has been suspended: [42].", e.getMessage());
  }

  @Test
  void shouldHoldToASpentDailyCapRatherThanTheFifteenMinuteWindow() {
    Instant now = Instant.ofEpochSecond(1_700_000_000);
    Map<String, String> spent = Map.of("x-rate-limit-remaining", "440", "x-rate-limit-reset", "1700000600",
        "x-app-limit-24hour-limit", "10000", "x-app-limit-24hour-remaining", "0",
        "x-app-limit-24hour-reset", "1700050000");
    RateLimit r = XParser.rateLimit(spent::get, now);
    assertEquals(OptionalInt.of(0), r.remaining());
    assertEquals(Instant.ofEpochSecond(1_700_050_000L), r.reset(), "the next request waits for the day's reset");

    Map<String, String> plenty = Map.of("x-rate-limit-remaining", "3", "x-rate-limit-reset", "1700000600",
        "x-user-limit-24hour-remaining", "900", "x-user-limit-24hour-reset", "1700050000");
    RateLimit w = XParser.rateLimit(plenty::get, now);
    assertEquals(OptionalInt.of(3), w.remaining(), "3 requests in 10 minutes binds tighter than 900 in 14 hours");
    assertEquals(Instant.ofEpochSecond(1_700_000_600L), w.reset());

    Map<String, String> lowDaily = Map.of("x-rate-limit-remaining", "440", "x-rate-limit-reset", "1700000600",
        "x-user-limit-24hour-remaining", "20", "x-user-limit-24hour-reset", "1700050000");
    assertEquals(OptionalInt.of(20), XParser.rateLimit(lowDaily::get, now).remaining(),
        "20 requests in 14 hours binds tighter than 440 in 10 minutes");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"data\": [{\"id\": \"1\", \"text\": ",
      "<html><body>Over capacity</body></html>",
      "[]",
      "{\"includes\": {}}",
      "{\"data\": {\"id\": \"1\"}, \"meta\": {}}"})
  void shouldRejectMalformedPages(String body) {
    PollException e = assertThrows(PollException.class, () -> XParser.page(body));
    assertEquals(PollException.Kind.MALFORMED, e.kind());
  }

  /**
   * One tweet the parser cannot read in a well-formed page: set aside, the others read. Failing the page for it
   * failed every cycle for ever, since X sends the same tweet again each time.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no id | {\"text\": \"x\", \"author_id\": \"2\", \"created_at\": \"2020-12-17T20:10:00.000Z\"} | '' | missing field 'id'",
      "no created_at | {\"id\": \"1339662682102886401\", \"text\": \"x\", \"author_id\": \"2\"} | 1339662682102886401 | missing field 'created_at'",
      "bad created_at | {\"id\": \"1339662682102886401\", \"text\": \"x\", \"author_id\": \"2\", \"created_at\": \"yesterday\"} | 1339662682102886401 | bad timestamp 'yesterday'",
      "no author | {\"id\": \"1339662682102886401\", \"text\": \"x\", \"created_at\": \"2020-12-17T20:10:00.000Z\"} | 1339662682102886401 | missing field 'author_id'",
  })
  void shouldSetAsideAnUnreadableTweetAndReadTheRest(String name, String tweet, String id, String reason) {
    String body = PAGE.replace("\"data\": [", "\"data\": [" + tweet + ",");
    XParser.Page page = XParser.page(body);
    assertEquals(List.of("1339667017109032966", "1339662682102886402", "1339662682102886400"),
        page.posts().stream().map(Post::id).toList(), "every other tweet read");
    assertEquals(1, page.rejected().size());
    assertEquals(id.isEmpty() ? Optional.empty() : Optional.of(id), page.rejected().get(0).id());
    assertEquals(reason, page.rejected().get(0).reason());
    assertTrue(page.rejected().get(0).raw().contains("\"text\":\"x\""), page.rejected().get(0).raw());
    assertEquals(Optional.of("1339667017109032966"), page.newestId(), "paging by meta, as before");
    assertTrue(page.hasTweets());
  }

  /**
   * Without {@code meta} ids, paging takes the ids of the tweets: a tweet set aside with a readable id moves the
   * cursor past itself, one without an id is passed by its neighbours'.
   */
  @Test
  void shouldPageByTheIdsOfEveryTweetWhenMetaHasNone() {
    String good = "{\"id\": \"%s\", \"text\": \"x\", \"author_id\": \"2\", \"created_at\": \"2020-12-17T20:10:00.000Z\"}";
    String badWithId = "{\"id\": \"30\", \"text\": \"x\", \"author_id\": \"2\"}";
    String badWithoutId = "{\"text\": \"y\", \"author_id\": \"2\", \"created_at\": \"2020-12-17T20:10:00.000Z\"}";
    XParser.Page newestBad = XParser.page("{\"data\": [" + badWithId + "," + good.formatted("20") + ","
        + good.formatted("10") + "], \"meta\": {\"result_count\": 3}}");
    assertEquals(Optional.of("30"), newestBad.newestId(), "past the tweet set aside, by its own id");
    assertEquals(Optional.of("10"), newestBad.oldestId());
    XParser.Page edgesBad = XParser.page("{\"data\": [" + badWithoutId + "," + good.formatted("20") + ","
        + badWithoutId.replace("y", "z") + "], \"meta\": {\"result_count\": 3}}");
    assertEquals(Optional.of("20"), edgesBad.newestId(), "its neighbour's id");
    assertEquals(Optional.of("20"), edgesBad.oldestId());
    assertEquals(2, edgesBad.rejected().size());
    XParser.Page allBad = XParser.page("{\"data\": [" + badWithoutId + "], \"meta\": {\"next_token\": \"t\"}}");
    assertEquals(Optional.empty(), allBad.newestId());
    assertTrue(allBad.hasTweets(), "a page of tweets set aside is no empty page: the walk follows its token");
  }

  @Test
  void shouldReadEpochSecondsReset() {
    RateLimit r = XParser.rateLimit(Map.of("x-rate-limit-limit", "450", "x-rate-limit-remaining", "448",
        "x-rate-limit-reset", "1665183228")::get, Instant.EPOCH);
    assertEquals(OptionalInt.of(448), r.remaining());
    assertEquals(Instant.ofEpochSecond(1665183228), r.reset());
    RateLimit none = XParser.rateLimit(Map.<String, String>of("x-rate-limit-reset", "soon")::get, Instant.EPOCH);
    assertEquals(OptionalInt.empty(), none.remaining());
    RateLimit huge = XParser.rateLimit(Map.of("x-rate-limit-remaining", "448",
        "x-rate-limit-reset", "99999999999999999")::get, Instant.EPOCH);
    assertEquals(Instant.EPOCH, huge.reset(), "a reset past Instant's range is no information, not a failed page");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}|Too Many Requests",
      "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}|Unauthorized",
      "{\"title\":\"UsageCapExceeded\",\"detail\":\"Usage cap exceeded: Monthly product cap\"}|UsageCapExceeded: Usage cap exceeded: Monthly product cap",
      "{\"errors\":[{\"code\":88,\"message\":\"Rate limit exceeded\"}]}|Rate limit exceeded",
      "<html>503</html>|non-JSON error body"})
  void shouldReadErrorBodies(String body, String expected) {
    assertEquals(expected, XParser.errorMessage(body));
  }

  @Test
  void shouldBuildTheSearchQuery() {
    assertEquals("(acme OR #acmefail OR \"acme support\") -is:retweet",
        XClient.searchQuery(List.of("acme", "#acmefail", "acme support")));
  }

  /**
   * A tweet set aside earlier, read again alone: no {@code includes.users}, so the author id stands in for the
   * handle and the permalink is the handle-free form; an endpoint the poller does not have is not read.
   */
  @Test
  void shouldReadAStoredTweetWithItsAuthorIdForTheHandle() {
    Post p = XParser.stored("mentions", WireJson.read("X", "{\"id\":\"20\",\"author_id\":\"7\","
        + "\"text\":\"@acme help\",\"created_at\":\"2026-09-01T10:00:00.000Z\"}"));
    assertEquals(List.of("20", "7", "7", "https://twitter.com/i/web/status/20"),
        List.of(p.id(), p.authorId(), p.authorHandle(), p.permalink()));
    assertThrows(IllegalArgumentException.class, () -> XParser.stored("likes", WireJson.read("X", "{}")));
    assertThrows(PollException.class, () -> XParser.stored("tweets", WireJson.read("X", "{\"id\":\"20\"}")));
  }
}
