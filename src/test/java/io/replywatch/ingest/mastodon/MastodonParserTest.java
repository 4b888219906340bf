package io.replywatch.ingest.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.ingest.Html;
import io.replywatch.ingest.Paging;
import io.replywatch.ingest.PollException;
import io.replywatch.ingest.Post;
import io.replywatch.ingest.RateLimit;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Against the REC-derived example of social-apis.md §2.2. */
class MastodonParserTest {
  private static final String PAGE = """
      [
        {"id": "21", "type": "mention", "created_at": "2026-08-01T13:51:43.458Z", "group_key": "ungrouped-21",
         "account": {"id": "117020565693913441", "username": "admin", "acct": "admin"},
         "status": {
           "id": "117020577157693549", "created_at": "2026-08-01T13:51:42.823Z",
           "in_reply_to_id": null, "in_reply_to_account_id": null, "spoiler_text": "", "language": "en",
           "uri": "https://social.example/ap/users/117020565693913441/statuses/117020577157693549",
           "url": "https://social.example/@admin/117020577157693549",
           "content": "<p><span class=\\"h-card\\" translate=\\"no\\"><a href=\\"https://social.example/@acme\\" class=\\"u-url mention\\">@<span>acme</span></a></span> hello!</p>",
           "account": {"id": "117020565693913441", "username": "admin", "acct": "admin"}}},
        {"id": "20", "type": "favourite", "created_at": "2026-08-01T13:50:16.001Z", "account": {"id": "1"}},
        {"id": "19", "type": "mention", "created_at": "2026-08-01T13:50:16.001Z",
         "account": {"id": "297420", "acct": "haskal@cybre.space"},
         "status": {
           "id": "117020571000000001", "created_at": "2026-08-01T13:50:15.9Z",
           "in_reply_to_id": "117020570000000000", "language": null, "url": null,
           "uri": "https://cybre.space/users/haskal/statuses/111",
           "content": "<p>same!<br>line two &amp; more &lt;b&gt;</p>",
           "account": {"id": "297420", "username": "haskal", "acct": "haskal@cybre.space"}}}
      ]""";

  @Test
  void shouldParseMentionNotificationsAndKeepOtherTypesWithoutAStatus() {
    List<MastodonParser.Notification> page = MastodonParser.notifications(PAGE);
    assertEquals(List.of("21", "20", "19"), page.stream().map(MastodonParser.Notification::id).toList(),
        "every entry, so paging counts and passes the favourite");
    assertEquals(Optional.empty(), page.get(1).status());
    assertEquals(Instant.parse("2026-08-01T13:50:16.001Z"), page.get(1).createdAt());
    Post first = page.get(0).status().orElseThrow();
    assertEquals("21", page.get(0).id(), "the notification id is the cursor");
    assertEquals("117020577157693549", first.id(), "the status id is the mention id");
    assertEquals("@acme hello!", first.text());
    assertEquals(Instant.parse("2026-08-01T13:51:42.823Z"), first.createdAt());
    assertEquals("https://social.example/@admin/117020577157693549", first.permalink());
    Post second = page.get(2).status().orElseThrow();
    assertEquals(Optional.of("117020570000000000"), second.inReplyToId());
    assertEquals("haskal@cybre.space", second.authorHandle());
    assertEquals("same!\nline two & more <b>", second.text());
    assertEquals("https://cybre.space/users/haskal/statuses/111", second.permalink(), "url null: fall back to uri");
    assertEquals(Optional.empty(), second.language());
    assertEquals(Instant.parse("2026-08-01T13:50:15.900Z"), second.createdAt());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "truncated JSON | [{\"id\": \"9\", \"type\": \"mention\", \"status\": {\"id\": ",
      "HTML page | <html><body>503</body></html>",
      "object not array | {\"error\": \"Record not found\"}",
      "status without id | [{\"id\": \"9\", \"type\": \"mention\", \"status\": {\"created_at\": \"2026-08-01T13:50:15Z\", \"account\": {\"id\": \"1\"}}}]",
      "bad timestamp | [{\"id\": \"9\", \"type\": \"mention\", \"status\": {\"id\": \"1\", \"created_at\": \"yesterday\", \"account\": {\"id\": \"1\"}}}]",
  })
  void shouldRejectMalformedPagesWithAClearError(String name, String body) {
    PollException e = assertThrows(PollException.class, () -> MastodonParser.notifications(body));
    assertEquals(PollException.Kind.MALFORMED, e.kind());
    assertTrue(e.getMessage().startsWith("malformed Mastodon page: "), e.getMessage());
  }

  /**
   * A server that ignores {@code types[]} (Mastodon before 3.5) sends favourites too. A full page of them must move
   * the cursor on: when the parser dropped them the page read as empty, the cursor stayed, and that same page came
   * back every cycle, so no mention after it was ever read.
   */
  @Test
  void shouldPagePastAFullPageOfOtherNotifications() throws Exception {
    StringBuilder favourites = new StringBuilder("[");
    for (int id = 180; id > 100; id--) {
      favourites.append(id < 180 ? "," : "").append("{\"id\": \"").append(id)
          .append("\", \"type\": \"favourite\", \"created_at\": \"2026-08-01T13:00:00Z\", \"account\": {\"id\": \"1\"}}");
    }
    String mention = PAGE.replace("\"id\": \"21\"", "\"id\": \"181\"");
    Map<String, String> pages = Map.of("100", favourites.append("]").toString(), "180", mention, "181", "[]");
    List<String> asked = new java.util.ArrayList<>();
    Paging.Fetched<MastodonParser.Notification> read = Paging.<MastodonParser.Notification>forward(q -> {
      asked.add(q.get("min_id"));
      return Future.succeededFuture(MastodonParser.notifications(pages.get(q.get("min_id"))));
    }, "100", 80, MastodonParser.Notification::id).toCompletionStage().toCompletableFuture().get();
    assertEquals(List.of("100", "180"), asked, "on past the favourites in the same cycle");
    assertEquals("181", read.cursor());
    assertTrue(read.items().stream().anyMatch(n -> n.status().map(p -> p.id().equals("117020577157693549"))
        .orElse(false)), "the mention after them is read");
  }

  @Test
  void shouldReadAnEmptyPage() {
    assertEquals(List.of(), MastodonParser.notifications("[]"));
  }

  @ParameterizedTest(name = "reset {0}")
  @CsvSource({
      "2026-08-01T13:55:00.940463Z, 2026-08-01T13:55:00.940463Z",
      "1785592500, 2026-08-01T13:55:00Z",
      "garbage, 2026-08-01T13:50:00Z",
      "99999999999999999, 2026-08-01T13:50:00Z",
  })
  void shouldReadRateLimitHeadersInBothFormats(String reset, String expected) {
    Instant now = Instant.parse("2026-08-01T13:50:00Z");
    Map<String, String> headers = Map.of("X-RateLimit-Remaining", "299", "X-RateLimit-Reset", reset);
    RateLimit r = MastodonParser.rateLimit(headers::get, now);
    assertEquals(OptionalInt.of(299), r.remaining());
    assertEquals(Instant.parse(expected), r.reset());
  }

  @Test
  void shouldReadErrorBodies() {
    assertEquals("Too many requests", MastodonParser.errorMessage("{\"error\":\"Too many requests\"}"));
    assertEquals("non-JSON error body", MastodonParser.errorMessage("<html>503</html>"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "<p>a</p><p>b</p> | a\\nb",
      "x &#128512; y | x \uD83D\uDE00 y",
      "&#0; &#xZZ; &bogus; | &#0; &#xZZ; &bogus;",
      "'' | ''",
      // Mastodon 4.2+ keeps lists, quotes and code blocks in remote posts: their words must not run together.
      "<p>broken:</p><ul><li>app</li><li>site</li></ul> | broken:\\napp\\nsite",
      "<p>you said</p><blockquote><p>refund in 3 days</p></blockquote><p>it's 10</p> | you said\\nrefund in 3 days\\nit's 10",
      "<p>a<br>b<br><br>c</p> | a\\nb\\n\\nc",
      "<pre><code>error 500</code></pre><p>again</p> | error 500\\nagain",
      "<P>Upper</P><BR/>x | Upper\\n\\nx",
      "<p>a</p> \t <div>b</div> | a\\nb",
      "<p>hi <span class=h-card><a href=u>@<span>acme</span></a></span> ok</p> | hi @acme ok",
      // Mastodon escapes a literal '<' as &lt;: a bare one that a '>' follows reads as a tag.
      "a < b and c > d | a  d",
      "<br class=x>a<>b<param>c<p_x>d | abcd",
      "<p>1 &lt; 2 &amp;&amp; 3 &gt; 2</p> | 1 < 2 && 3 > 2",
  })
  void shouldTurnHtmlIntoText(String html, String text) {
    assertEquals(text.replace("\\n", "\n"), Html.toText(html));
  }

  /** Hostile markup: thousands of unclosed tags took seconds (quadratic) before tags stopped spanning a '<'. */
  @Test
  void shouldStripARunOfUnclosedTagsInLinearTime() {
    String hostile = "<p".repeat(40_000) + "<a".repeat(40_000);
    String text = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> Html.toText(hostile));
    assertEquals(hostile, text, "no complete tag: nothing to strip");
  }
}
