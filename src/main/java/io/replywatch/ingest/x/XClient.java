package io.replywatch.ingest.x;

import io.replywatch.config.Secret;
import io.replywatch.ingest.ApiCalls;
import io.replywatch.ingest.ApiCalls.Dialect;
import io.replywatch.ingest.ApiPage;
import io.replywatch.ingest.Presence;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The three X API v2 endpoints a poller needs (social-apis.md §1.1), over a shared {@link WebClient}, each asking
 * for the fields reply detection needs: without {@code tweet.fields} X sends only id, text and edit history (a
 * default field, named anyway because edit handling depends on it).
 */
final class XClient {
  static final Dialect DIALECT = new Dialect(XParser::rateLimit, XParser::errorMessage);
  private static final String TWEET_FIELDS = "created_at,author_id,conversation_id,in_reply_to_user_id,"
      + "referenced_tweets,lang,entities,edit_history_tweet_ids";
  /**
   * Authors for handles; the tweets replied to, whose edit history maps a reply to an edited tweet onto the
   * original's id (see {@link XParser}).
   */
  private static final String EXPANSIONS = "author_id,referenced_tweets.id";

  private final WebClient client;
  private final String baseUrl;
  private final Secret token;
  private final Clock clock;

  XClient(WebClient client, String baseUrl, Secret token, Clock clock) {
    this.client = client;
    this.baseUrl = baseUrl;
    this.token = token;
    this.clock = clock;
  }

  Future<ApiPage<XParser.Page>> mentions(String userId, Map<String, String> query) {
    return send("/2/users/" + userId + "/mentions", query);
  }

  Future<ApiPage<XParser.Page>> search(Map<String, String> query) {
    return send("/2/tweets/search/recent", query);
  }

  Future<ApiPage<XParser.Page>> tweets(String userId, Map<String, String> query) {
    return send("/2/users/" + userId + "/tweets", query);
  }

  /** The deleted-post check's lookup of up to 100 tweets by id: only which exist matters, so no fields. */
  Future<ApiPage<Map<String, Presence>>> lookup(List<String> ids) {
    HttpRequest<Buffer> req = client.getAbs(baseUrl + "/2/tweets").addQueryParam("ids", String.join(",", ids))
        .bearerTokenAuthentication(token.reveal());
    return ApiCalls.send(req, DIALECT, clock, body -> XLookup.tweets(ids, body));
  }

  private Future<ApiPage<XParser.Page>> send(String path, Map<String, String> query) {
    HttpRequest<Buffer> req = client.getAbs(baseUrl + path)
        .addQueryParam("tweet.fields", TWEET_FIELDS)
        .addQueryParam("expansions", EXPANSIONS)
        .addQueryParam("user.fields", "username,name")
        .bearerTokenAuthentication(token.reveal());
    query.forEach(req::addQueryParam);
    return ApiCalls.send(req, DIALECT, clock, XParser::page);
  }

  /** The recent-search query for a brand's keywords: any of them, retweets left out (they repeat a post). */
  static String searchQuery(java.util.List<String> keywords) {
    StringBuilder q = new StringBuilder("(");
    for (String k : keywords) {
      if (q.length() > 1) {
        q.append(" OR ");
      }
      q.append(k.contains(" ") ? "\"" + k.replace("\"", "") + "\"" : k);
    }
    return q.append(") -is:retweet").toString();
  }
}
