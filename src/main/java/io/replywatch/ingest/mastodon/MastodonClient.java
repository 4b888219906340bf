package io.replywatch.ingest.mastodon;

import io.replywatch.config.Secret;
import io.replywatch.ingest.PollException;
import io.replywatch.ingest.PollException.Kind;
import io.replywatch.ingest.Post;
import io.replywatch.ingest.RateLimit;
import io.replywatch.ingest.mastodon.MastodonParser.Notification;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The two Mastodon endpoints a poller needs, over a shared {@link WebClient}. Turns every response into either a
 * parsed page with its rate-limit state or a classified {@link PollException}.
 */
final class MastodonClient {
  static final long TIMEOUT_MS = 10_000;

  /** One page of results and what the rate-limit headers said. */
  record Page<T>(List<T> items, RateLimit rateLimit) {}

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

  Future<Page<Notification>> notifications(Map<String, String> query) {
    HttpRequest<Buffer> req = client.getAbs(baseUrl + "/api/v1/notifications").addQueryParam("types[]", "mention");
    return send(req, query, MastodonParser::notifications);
  }

  Future<Page<Post>> statuses(String accountId, Map<String, String> query) {
    HttpRequest<Buffer> req = client.getAbs(baseUrl + "/api/v1/accounts/" + accountId + "/statuses")
        .addQueryParam("exclude_reblogs", "true");
    return send(req, query, MastodonParser::statuses);
  }

  private <T> Future<Page<T>> send(HttpRequest<Buffer> req, Map<String, String> query, Function<String, List<T>> parse) {
    query.forEach(req::addQueryParam);
    req.bearerTokenAuthentication(token.reveal()).timeout(TIMEOUT_MS);
    return req.send()
        .recover(e -> Future.failedFuture(new PollException(Kind.TRANSIENT,
            "request failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
            Optional.empty())))
        .compose(resp -> {
          RateLimit rate = MastodonParser.rateLimit(resp::getHeader, clock.instant());
          if (resp.statusCode() == 200) {
            try {
              return Future.succeededFuture(new Page<>(parse.apply(resp.bodyAsString()), rate));
            } catch (PollException e) {
              return Future.failedFuture(e);
            }
          }
          return Future.failedFuture(failure(resp, rate));
        });
  }

  private PollException failure(HttpResponse<Buffer> resp, RateLimit rate) {
    int status = resp.statusCode();
    String why = "HTTP " + status + " " + MastodonParser.errorMessage(resp.bodyAsString());
    if (status == 429) {
      Instant retryAt = rate.reset().isAfter(clock.instant()) ? rate.reset() : clock.instant().plusSeconds(60);
      return new PollException(Kind.RATE_LIMITED, why, Optional.of(retryAt));
    }
    if (status == 401 || status == 403) {
      return new PollException(Kind.AUTH, why, Optional.empty());
    }
    return new PollException(Kind.TRANSIENT, why, Optional.empty());
  }
}
