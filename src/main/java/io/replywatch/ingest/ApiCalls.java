package io.replywatch.ingest;

import io.replywatch.ingest.PollException.Kind;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Sends one platform request and classifies the outcome the same way for every platform (style rule 10): 200 is
 * parsed, 429 waits for the reset or {@code Retry-After}, 401/403 need a person, everything else (5xx, HTML pages,
 * timeouts) is transient. Messages carry the status and the platform's own error text, never a token.
 */
public final class ApiCalls {
  /** Per-request timeout: a hung platform is a transient failure, not a stuck poller. */
  public static final long TIMEOUT_MS = 10_000;

  /** How one platform reads its own responses. */
  public record Dialect(String name, BiFunction<Function<String, String>, Instant, RateLimit> rateLimit,
      Function<String, String> errorMessage) {}

  private ApiCalls() {}

  /** Sends {@code req} and parses a 200 body with {@code parse}; a parse failure is a MALFORMED {@link PollException}. */
  public static <T> Future<ApiPage<T>> send(HttpRequest<Buffer> req, Dialect dialect, Clock clock,
      Function<String, T> parse) {
    return req.timeout(TIMEOUT_MS).send()
        .recover(e -> Future.failedFuture(new PollException(Kind.TRANSIENT, dialect.name() + " request failed: "
            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), Optional.empty())))
        .compose(resp -> {
          RateLimit rate = dialect.rateLimit().apply(resp::getHeader, clock.instant());
          if (resp.statusCode() == 200) {
            try {
              return Future.succeededFuture(new ApiPage<>(parse.apply(resp.bodyAsString()), rate));
            } catch (PollException e) {
              return Future.failedFuture(e);
            }
          }
          return Future.failedFuture(failure(resp, rate, dialect, clock.instant()));
        });
  }

  /** Classifies a non-200 answer. */
  public static PollException failure(HttpResponse<Buffer> resp, RateLimit rate, Dialect dialect, Instant now) {
    int status = resp.statusCode();
    String why = dialect.name() + " HTTP " + status + " " + describe(resp, dialect);
    if (status == 429) {
      return new PollException(Kind.RATE_LIMITED, why, Optional.of(retryAt(resp.getHeader("Retry-After"), rate, now)));
    }
    if (status == 401 || status == 403) {
      return new PollException(Kind.AUTH, why, Optional.empty());
    }
    return new PollException(Kind.TRANSIENT, why, Optional.empty());
  }

  /** {@code Retry-After} seconds if sent, else the window reset if it lies ahead, else one minute. */
  static Instant retryAt(String retryAfter, RateLimit rate, Instant now) {
    if (retryAfter != null && retryAfter.trim().matches("\\d{1,7}")) {
      return now.plusSeconds(Long.parseLong(retryAfter.trim()));
    }
    return rate.reset().isAfter(now) ? rate.reset() : now.plusSeconds(60);
  }

  private static String describe(HttpResponse<Buffer> resp, Dialect dialect) {
    String type = resp.getHeader("content-type");
    if (type != null && type.toLowerCase(java.util.Locale.ROOT).contains("html")) {
      return "(HTML error page)";
    }
    return dialect.errorMessage().apply(resp.bodyAsString());
  }
}
