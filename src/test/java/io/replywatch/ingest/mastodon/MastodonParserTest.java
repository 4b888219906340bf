package io.replywatch.ingest.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.ingest.Html;
import io.replywatch.ingest.Paging;
import io.replywatch.ingest.PollException;
import io.replywatch.ingest.Post;
import io.replywatch.ingest.WireJson;
import io.replywatch.ingest.RateLimit;
import io.replywatch.ingest.Rejected;
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

  /**
   * A mention federated from another server carries that server's created_at; the notification is made when the
   * brand's server receives it. Backdated beyond five minutes (or dated ahead), the receipt time stands in.
   */
  @ParameterizedTest(name = "status created_at {0}")
  @CsvSource({
      "2026-08-01T13:51:42.823Z, 2026-08-01T13:51:42.823Z",
      "2026-08-01T13:46:43.458Z, 2026-08-01T13:46:43.458Z",
      "2026-08-01T13:46:43.457Z, 2026-08-01T13:51:43.458Z",
      "2019-01-01T00:00:00Z, 2026-08-01T13:51:43.458Z",
      "2026-08-01T13:51:43.459Z, 2026-08-01T13:51:43.458Z",
  })
  void shouldBelieveAStatusTimeOnlyJustBeforeItsNotification(String stated, String taken) {
    Paging.Page<MastodonParser.Notification> read =
        MastodonParser.notifications(PAGE.replace("2026-08-01T13:51:42.823Z", stated));
    assertEquals(Instant.parse(taken), read.items().get(0).status().orElseThrow().createdAt());
    assertEquals(Instant.parse(taken), read.items().get(0).createdAt(), "the entry's time for paging too");
  }

  @Test
  void shouldParseMentionNotificationsAndKeepOtherTypesWithoutAStatus() {
    Paging.Page<MastodonParser.Notification> read = MastodonParser.notifications(PAGE);
    assertEquals(List.of(), read.rejected());
    assertEquals(3, read.entries());
    List<MastodonParser.Notification> page = read.items();
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
      "empty body | ''",
  })
  void shouldRejectMalformedPagesWithAClearError(String name, String body) {
    PollException e = assertThrows(PollException.class, () -> MastodonParser.notifications(body));
    assertEquals(PollException.Kind.MALFORMED, e.kind());
    assertTrue(e.getMessage().startsWith("malformed Mastodon page: "), e.getMessage());
  }

  /**
   * One entry the parser cannot read, between two good ones: the page is well-formed, so the entry is set aside
   * and the others are read. Failing the page instead failed every cycle for ever, since Mastodon sends the same
   * entry again each time. A notification whose own id is readable stays in the page without a status, so paging
   * moves past it by that id.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "bad created_at | {\"id\": \"20\", \"type\": \"mention\", \"status\": {\"id\": \"5\", \"created_at\": \"yesterday\", \"account\": {\"id\": \"1\"}}} | 20 | bad timestamp 'yesterday'",
      "status without id | {\"id\": \"20\", \"type\": \"mention\", \"status\": {\"created_at\": \"2026-08-01T13:50:15Z\", \"account\": {\"id\": \"1\"}}} | 20 | missing field 'id'",
      "status without account | {\"id\": \"20\", \"type\": \"mention\", \"status\": {\"id\": \"5\", \"created_at\": \"2026-08-01T13:50:15Z\"}} | 20 | missing field 'id'",
      "notification without id | {\"type\": \"mention\", \"status\": {\"id\": \"5\", \"created_at\": \"2026-08-01T13:50:15Z\", \"account\": {\"id\": \"1\"}}} | '' | missing field 'id'",
      "entry that is no object | 17 | '' | missing field 'id'",
  })
  void shouldSetAsideAnUnreadableEntryAndReadTheRest(String name, String entry, String id, String reason) {
    String body = "[" + PAGE.substring(PAGE.indexOf('{'), PAGE.indexOf("{\"id\": \"20\""))
        + entry + "," + PAGE.substring(PAGE.indexOf("{\"id\": \"19\""));
    Paging.Page<MastodonParser.Notification> page = MastodonParser.notifications(body);
    assertEquals(List.of("117020577157693549", "117020571000000001"), page.items().stream()
        .flatMap(n -> n.status().stream()).map(Post::id).toList(), "both good mentions read");
    assertEquals(id.isEmpty() ? List.of("21", "19") : List.of("21", id, "19"),
        page.items().stream().map(MastodonParser.Notification::id).toList(), "a readable notification id is kept");
    assertEquals(3, page.entries(), "the entry set aside still counts: the page is not a short one");
    assertEquals(1, page.rejected().size());
    Rejected r = page.rejected().get(0);
    assertEquals(id.isEmpty() ? Optional.empty() : Optional.of(id), r.id());
    assertEquals(reason, r.reason());
    assertEquals(new io.vertx.core.json.JsonObject("{\"x\":" + entry + "}").getValue("x").toString()
        .replace(" ", ""), r.raw().replace(" ", ""), "the entry's JSON, kept as sent");
  }

  @Test
  void shouldRecogniseAnEntryWithoutAnIdByItsJson() {
    String entry = "{\"type\": \"mention\", \"status\": {\"id\": \"5\"}}";
    Rejected once = MastodonParser.notifications("[" + entry + "]").rejected().get(0);
    Rejected again = MastodonParser.notifications("[" + entry + "," + entry + "]").rejected().get(1);
    Rejected other = MastodonParser.notifications("[{\"type\": \"mention\", \"status\": {\"id\": \"6\"}}]")
        .rejected().get(0);
    assertEquals(once.key(), again.key(), "the same JSON is the same item");
    assertTrue(once.key().startsWith("sha256:"), once.key());
    assertTrue(!once.key().equals(other.key()), "another entry is another item");
  }

  /** The brand's own statuses: one that cannot be read is set aside the same way, the others are replies seen. */
  @Test
  void shouldSetAsideAnUnreadableBrandStatus() {
    String good = "{\"id\": \"30\", \"created_at\": \"2026-08-01T14:00:00Z\", \"in_reply_to_id\": \"5\","
        + " \"content\": \"<p>sorry!</p>\", \"account\": {\"id\": \"42\", \"acct\": \"acme\"}}";
    String bad = good.replace("\"30\"", "\"29\"").replace("2026-08-01T14:00:00Z", "");
    Paging.Page<Post> page = MastodonParser.statuses("[" + good + "," + bad + "]");
    assertEquals(List.of("30"), page.items().stream().map(Post::id).toList());
    assertEquals(Optional.of("29"), page.rejected().get(0).id());
    assertEquals("missing field 'created_at'", page.rejected().get(0).reason());
    assertEquals(2, page.entries());
  }

  /**
   * Paging around an entry set aside without an id: the newest readable id moves the cursor, nothing after it is
   * read twice, and a full page with the entry in it is no short page, so the walk goes on in the same cycle.
   */
  @Test
  void shouldPageOnByTheNeighboursOfAnEntryWithoutAnId() throws Exception {
    StringBuilder full = new StringBuilder("[{\"type\": \"mention\"}");
    for (int id = 179; id > 100; id--) {
      full.append(",{\"id\": \"").append(id)
          .append("\", \"type\": \"favourite\", \"created_at\": \"2026-08-01T13:00:00Z\", \"account\": {\"id\": \"1\"}}");
    }
    String mention = PAGE.replace("\"id\": \"21\"", "\"id\": \"181\"");
    Map<String, String> pages = Map.of("100", full.append("]").toString(), "179", mention);
    List<String> asked = new java.util.ArrayList<>();
    List<Rejected> setAside = new java.util.ArrayList<>();
    Paging.Fetched<MastodonParser.Notification> read = Paging.<MastodonParser.Notification>forward(q -> {
      asked.add(q.get("min_id"));
      Paging.Page<MastodonParser.Notification> page = MastodonParser.notifications(pages.get(q.get("min_id")));
      setAside.addAll(page.rejected());
      return Future.succeededFuture(page);
    }, "100", 80, MastodonParser.Notification::id).toCompletionStage().toCompletableFuture().get();
    assertEquals(List.of("100", "179"), asked, "on past the full page, from its newest readable id");
    assertEquals("181", read.cursor());
    assertEquals(1, setAside.size());
    assertEquals(82, read.items().size(), "79 favourites and 3 notifications of the next page, each once");
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
    Paging.Page<MastodonParser.Notification> page = MastodonParser.notifications("[]");
    assertEquals(List.of(), page.items());
    assertEquals(List.of(), page.rejected());
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

  /** An entry set aside earlier, read again as its endpoint's page reads it; a favourite and a reblog are nothing. */
  @Test
  void shouldReadAStoredEntryAsItsEndpointDoes() {
    String status = "{\"id\":\"5\",\"account\":{\"id\":\"8\",\"acct\":\"ann\"},\"content\":\"<p>hi</p>\","
        + "\"created_at\":\"2026-09-01T09:59:00.000Z\",\"mentions\":[{\"id\":\"1\"}]}";
    assertEquals(Optional.of("5"), MastodonParser.stored("notifications", WireJson.read("M", "{\"id\":\"9\","
        + "\"type\":\"mention\",\"created_at\":\"2026-09-01T10:00:00.000Z\",\"status\":" + status + "}"))
        .map(f -> f.post().id()));
    assertEquals(Optional.empty(), MastodonParser.stored("notifications",
        WireJson.read("M", "{\"id\":\"9\",\"type\":\"favourite\",\"status\":" + status + "}")));
    assertEquals(Optional.of(List.of("1")), MastodonParser.stored("search:acme", WireJson.read("M", status))
        .map(MastodonParser.Found::mentionedAccountIds));
    assertEquals(Optional.empty(), MastodonParser.stored("statuses",
        WireJson.read("M", "{\"id\":\"6\",\"reblog\":" + status + "}")));
    assertThrows(IllegalArgumentException.class, () -> MastodonParser.stored("bookmarks", WireJson.read("M", status)));
  }
}
