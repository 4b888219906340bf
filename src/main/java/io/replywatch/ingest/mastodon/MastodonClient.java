package io.replywatch.ingest.mastodon;

import io.replywatch.config.Secret;
import io.replywatch.ingest.ApiCalls;
import io.replywatch.ingest.ApiCalls.Dialect;
import io.replywatch.ingest.ApiPage;
import io.replywatch.ingest.Paging.Page;
import io.replywatch.ingest.Post;
import io.replywatch.ingest.Presence;
import io.replywatch.ingest.mastodon.MastodonParser.Notification;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * The Mastodon endpoints a poller needs, over a shared {@link WebClient}. Every response becomes either a parsed
 * page with its rate-limit state or a classified failure ({@link ApiCalls}).
 */
final class MastodonClient {
  static final Dialect DIALECT = new Dialect(MastodonParser::rateLimit, MastodonParser::errorMessage);

  private final WebClient client;
  private final String baseUrl;
  private final Secret token;
  private final Clock clock;

  MastodonClient(WebClient client, String baseUrl, Secret token, Clock clock) {
    this.client = client;
    this.baseUrl = baseUrl;
    this.token = token;
    this.clock = clock;
  }

  Future<ApiPage<Page<Notification>>> notifications(Map<String, String> query) {
    // include_filtered: since 4.3 the account's notification policy hides mentions from, say, accounts it does not
    // follow or new ones; a customer who signed up to complain is one. Older servers ignore the parameter.
    HttpRequest<Buffer> req = client.getAbs(baseUrl + "/api/v1/notifications").addQueryParam("types[]", "mention")
        .addQueryParam("include_filtered", "true");
    return send(req, query, MastodonParser::notifications);
  }

  Future<ApiPage<Page<Post>>> statuses(String accountId, Map<String, String> query) {
    HttpRequest<Buffer> req = client.getAbs(baseUrl + "/api/v1/accounts/" + accountId + "/statuses")
        .addQueryParam("exclude_reblogs", "true");
    return send(req, query, MastodonParser::statuses);
  }

  /** Full-text status search for one keyword ({@code /api/v2/search?type=statuses}). */
  Future<ApiPage<Page<MastodonParser.Found>>> search(String keyword, Map<String, String> query) {
    HttpRequest<Buffer> req = client.getAbs(baseUrl + "/api/v2/search")
        .addQueryParam("q", keyword).addQueryParam("type", "statuses");
    return send(req, query, MastodonParser::searchStatuses);
  }

  /** One status by id, for the deleted-post check: a 404 with Mastodon's not-found body is an answer (gone). */
  Future<ApiPage<Presence>> status(String id) {
    HttpRequest<Buffer> req = client.getAbs(baseUrl + "/api/v1/statuses/" + encode(id));
    return ApiCalls.send(req.bearerTokenAuthentication(token.reveal()), DIALECT, clock,
        body -> MastodonLookup.found(id, body), MastodonLookup::notFound);
  }

  private static String encode(String id) {
    return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
  }

  private <T> Future<ApiPage<T>> send(HttpRequest<Buffer> req, Map<String, String> query, Function<String, T> parse) {
    query.forEach(req::addQueryParam);
    return ApiCalls.send(req.bearerTokenAuthentication(token.reveal()), DIALECT, clock, parse);
  }
}
