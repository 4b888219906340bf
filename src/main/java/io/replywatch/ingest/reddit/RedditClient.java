package io.replywatch.ingest.reddit;

import io.replywatch.config.Secret;
import io.replywatch.ingest.ApiCalls;
import io.replywatch.ingest.ApiCalls.Dialect;
import io.replywatch.ingest.ApiPage;
import io.replywatch.ingest.Presence;
import io.replywatch.ingest.PollException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Reddit listings a poller needs (social-apis.md §4.1) over a shared {@link WebClient}, with the
 * access token kept fresh by {@link RedditAuth}: a 401 from the API gets one new token and one retry before it
 * counts as a revoked credential. {@code raw_json=1} so text is not entity-escaped twice.
 */
final class RedditClient {
  static final Dialect DIALECT = new Dialect(RedditParser::rateLimit, RedditParser::errorMessage);

  private final WebClient client;
  private final String baseUrl;
  private final RedditAuth auth;
  private final Clock clock;

  RedditClient(WebClient client, String baseUrl, Secret credentials, Clock clock) {
    this.client = client;
    this.baseUrl = baseUrl;
    this.auth = new RedditAuth(client, RedditAuth.tokenUrl(baseUrl), credentials, clock);
    this.clock = clock;
  }

  /**
   * The brand's inbox: username mentions and replies to its comments and posts ({@code comment_reply},
   * {@code post_reply}), which {@code /message/mentions} leaves out (social-apis.md §4.1). {@code mark=false} so
   * reading does not mark the social team's messages read (the doc leaves that side effect unverified).
   */
  Future<ApiPage<RedditParser.Listing>> inbox(Map<String, String> query) {
    Map<String, String> unmarked = new HashMap<>(query);
    unmarked.put("mark", "false");
    return send("/message/inbox", unmarked, RedditParser::inbox);
  }

  Future<ApiPage<RedditParser.Listing>> search(Map<String, String> query) {
    return send("/search", query);
  }

  /** The newest comments of a whole subreddit ({@code GET /r/{sub}/comments}). */
  Future<ApiPage<RedditParser.Listing>> subredditComments(String subreddit, Map<String, String> query) {
    return send("/r/" + subreddit + "/comments", query);
  }

  Future<ApiPage<RedditParser.Listing>> comments(String user, Map<String, String> query) {
    return send("/user/" + user + "/comments", query);
  }

  private Future<ApiPage<RedditParser.Listing>> send(String path, Map<String, String> query) {
    return send(path, query, RedditParser::listing);
  }

  /**
   * The deleted-post check's {@code GET /api/info?id=t1_x,t3_y}, up to 100 fullnames, with the same token and retry
   * as the listings.
   */
  Future<ApiPage<Map<String, Presence>>> info(List<String> fullnames) {
    return send("/api/info", Map.of("id", String.join(",", fullnames)), body -> RedditLookup.things(fullnames, body));
  }

  private <T> Future<ApiPage<T>> send(String path, Map<String, String> query, Function<String, T> parse) {
    return attempt(path, query, parse).recover(e -> {
      if (e instanceof PollException p && p.kind() == PollException.Kind.AUTH && auth.refreshable()) {
        auth.invalidate();
        return attempt(path, query, parse);
      }
      return Future.failedFuture(e);
    });
  }

  private <T> Future<ApiPage<T>> attempt(String path, Map<String, String> query, Function<String, T> parse) {
    return auth.token().compose(token -> {
      HttpRequest<Buffer> req = client.getAbs(baseUrl + path)
          .putHeader("Authorization", "bearer " + token)
          .addQueryParam("raw_json", "1");
      query.forEach(req::addQueryParam);
      return ApiCalls.send(req, DIALECT, clock, parse);
    });
  }

  /** The search query for a brand's keywords: any of them. */
  static String searchQuery(java.util.List<String> keywords) {
    return String.join(" OR ", keywords.stream().map(k -> k.contains(" ") ? "\"" + k + "\"" : k).toList());
  }
}
