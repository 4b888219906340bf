package io.replywatch.ingest;

import io.replywatch.ingest.PollException.Kind;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Sends one platform request and classifies the outcome the same way for every platform (style rule 10): 200 is
 * parsed, 429 waits for the reset, 401 means the source is blind until a person fixes the token, 403 that this
 * token may not read this (blind for a required read, skipped for an optional one), 400/404/422 mean the platform
 * refused this request itself, and everything else (5xx, HTML pages, timeouts) is retried with
 * backoff. Messages carry the status and the platform's own error text, never a token or a URL with one.
 */
public final class ApiCalls {
  /** Per-request timeout: a hung platform is a transient failure, not a stuck poller. */
  public static final long TIMEOUT_MS = 10_000;

  /** How one platform reads its own responses: its rate-limit headers and its error bodies. */
  public record Dialect(BiFunction<Function<String, String>, Instant, RateLimit> rateLimit,
      Function<String, String> errorMessage) {}

  private ApiCalls() {}

  /** Sends {@code req} and parses a 200 body with {@code parse}; a parse failure is a MALFORMED {@link PollException}. */
  public static <T> Future<ApiPage<T>> send(HttpRequest<Buffer> req, Dialect dialect, Clock clock,
      Function<String, T> parse) {
    return send(req, dialect, clock, parse, null);
  }

  /**
   * As {@link #send(HttpRequest, Dialect, Clock, Function)}, but a 404 is an answer too, read with {@code notFound}
   * (a lookup of one post by id: Mastodon's 404 says the post is gone), its rate-limit headers counted as a 200's.
   * {@code notFound} throws a MALFORMED {@link PollException} for a 404 body it does not recognise.
   */
  public static <T> Future<ApiPage<T>> send(HttpRequest<Buffer> req, Dialect dialect, Clock clock,
      Function<String, T> parse, Function<String, T> notFound) {
    return req.timeout(TIMEOUT_MS).send().recover(ApiCalls::network).compose(resp -> {
      boolean answer = resp.statusCode() == 200 || resp.statusCode() == 404 && notFound != null;
      if (!answer) {
        return Future.failedFuture(failure(resp, dialect, clock.instant()));
      }
      try {
        RateLimit rate = dialect.rateLimit().apply(resp::getHeader, clock.instant());
        T value = (resp.statusCode() == 200 ? parse : notFound).apply(resp.bodyAsString());
        return Future.succeededFuture(new ApiPage<>(value, rate));
      } catch (PollException e) {
        return Future.failedFuture(e);
      }
    });
  }

  /** A request that never got a response (connect error, timeout). */
  public static <T> Future<T> network(Throwable e) {
    return network("request", e);
  }

  /** The same for a named request, such as a token request: the cause's type and message say what went wrong. */
  public static <T> Future<T> network(String what, Throwable e) {
    return Future.failedFuture(new PollException(Kind.TRANSIENT,
        what + " failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
        Optional.empty()));
  }

  /** Classifies a non-200 answer, reading its rate-limit headers and error body in the platform's dialect. */
  public static PollException failure(HttpResponse<Buffer> resp, Dialect dialect, Instant now) {
    RateLimit rate = dialect.rateLimit().apply(resp::getHeader, now);
    return of(resp.statusCode(), describe(resp, dialect), retryAt(resp.getHeader("Retry-After"), rate, now), now);
  }

  /**
   * A non-2xx response. {@code retryAt} is when a 429 may be retried (see {@link #retryAt}); without one that
   * lies ahead the poller waits a minute.
   */
  public static PollException of(int status, String why, Optional<Instant> retryAt, Instant now) {
    String message = "HTTP " + status + " " + why;
    if (status == 429) {
      Instant at = retryAt.filter(t -> t.isAfter(now)).orElse(now.plus(Duration.ofMinutes(1)));
      return new PollException(Kind.RATE_LIMITED, message, Optional.of(at));
    }
    if (status == 401) {
      return new PollException(Kind.AUTH, message, Optional.empty());
    }
    if (status == 403) {
      return new PollException(Kind.FORBIDDEN, message, Optional.empty());
    }
    if (status == 400 || status == 404 || status == 422) {
      return new PollException(Kind.REJECTED, message, Optional.empty());
    }
    return new PollException(Kind.TRANSIENT, message, Optional.empty());
  }

  /**
   * When a 429 may be retried: the later of {@code Retry-After} (seconds) and the window's reset, so no request
   * goes before either; empty when neither lies ahead.
   */
  public static Optional<Instant> retryAt(String retryAfter, RateLimit rate, Instant now) {
    Optional<Instant> reset = Optional.of(rate.reset()).filter(r -> r.isAfter(now));
    if (retryAfter == null || !retryAfter.trim().matches("\\d{1,7}")) {
      return reset;
    }
    Instant after = now.plusSeconds(Long.parseLong(retryAfter.trim()));
    return Optional.of(reset.filter(r -> r.isAfter(after)).orElse(after));
  }

  private static String describe(HttpResponse<Buffer> resp, Dialect dialect) {
    String type = resp.getHeader("content-type");
    if (type != null && type.toLowerCase(Locale.ROOT).contains("html")) {
      return "(HTML error page)";
    }
    return dialect.errorMessage().apply(resp.bodyAsString());
  }
}
