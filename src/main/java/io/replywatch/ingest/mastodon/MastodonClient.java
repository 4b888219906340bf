package io.replywatch.ingest.mastodon;

import io.replywatch.config.Secret;
import io.replywatch.ingest.HttpFailures;
import io.replywatch.ingest.PollException;
import io.replywatch.ingest.Poller.Page;
import io.replywatch.ingest.Post;
import io.replywatch.ingest.RateLimit;
import io.replywatch.ingest.mastodon.MastodonParser.Notification;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The Mastodon endpoints a poller needs, over a shared {@link WebClient}. Turns every response into either a
 * parsed page with its rate-limit state or a classified {@link PollException}.
 */
final class MastodonClient {
  static final long TIMEOUT_MS = 10_000;

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

  Future<Page<List<Notification>>> notifications(Map<String, String> query) {
    HttpRequest<Buffer> req = client.getAbs(baseUrl + "/api/v1/notifications").addQueryParam("types[]", "mention");
    return send(req, query, MastodonParser::notifications);
  }

  Future<Page<List<Post>>> statuses(String accountId, Map<String, String> query) {
    HttpRequest<Buffer> req = client.getAbs(baseUrl + "/api/v1/accounts/" + accountId + "/statuses")
        .addQueryParam("exclude_reblogs", "true");
    return send(req, query, MastodonParser::statuses);
  }

  /** Full-text status search for one keyword ({@code /api/v2/search?type=statuses}). */
  Future<Page<List<MastodonParser.Found>>> search(String keyword, Map<String, String> query) {
    HttpRequest<Buffer> req = client.getAbs(baseUrl + "/api/v2/search")
        .addQueryParam("q", keyword).addQueryParam("type", "statuses");
    return send(req, query, MastodonParser::searchStatuses);
  }

  private <T> Future<Page<T>> send(HttpRequest<Buffer> req, Map<String, String> query, Function<String, T> parse) {
    query.forEach(req::addQueryParam);
    req.bearerTokenAuthentication(token.reveal()).timeout(TIMEOUT_MS);
    return req.send().recover(HttpFailures::network).compose(resp -> {
      RateLimit rate = MastodonParser.rateLimit(resp::getHeader, clock.instant());
      if (resp.statusCode() == 200) {
        try {
          return Future.succeededFuture(new Page<>(parse.apply(resp.bodyAsString()), rate));
        } catch (PollException e) {
          return Future.failedFuture(e);
        }
      }
      return Future.failedFuture(HttpFailures.of(resp.statusCode(), MastodonParser.errorMessage(resp.bodyAsString()),
          Optional.of(rate.reset()), clock.instant()));
    });
  }
}
