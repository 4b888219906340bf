package io.replywatch.ingest;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How any platform's failed response is classified for the poller: 429 waits for the reset, 401/403 means the
 * source is blind until a person fixes the token, anything else (5xx, HTML pages, timeouts) is retried with
 * backoff. Messages carry the status and the platform's error name, never a token or a URL with one.
 */
public final class HttpFailures {

  private HttpFailures() {}

  /** A request that never got a response (connect error, timeout). */
  public static <T> Future<T> network(Throwable e) {
    return Future.failedFuture(new PollException(PollException.Kind.TRANSIENT,
        "request failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
        Optional.empty()));
  }

  /**
   * A non-2xx response. {@code retryAt} is when a 429 may be retried (the later of the reset header and
   * {@code Retry-After}); without one the poller waits a minute.
   */
  public static PollException of(int status, String why, Optional<Instant> retryAt, Instant now) {
    String message = "HTTP " + status + " " + why;
    if (status == 429) {
      Instant at = retryAt.filter(t -> t.isAfter(now)).orElse(now.plus(Duration.ofMinutes(1)));
      return new PollException(PollException.Kind.RATE_LIMITED, message, Optional.of(at));
    }
    if (status == 401 || status == 403) {
      return new PollException(PollException.Kind.AUTH, message, Optional.empty());
    }
    if (status == 400 || status == 404 || status == 422) {
      return new PollException(PollException.Kind.REJECTED, message, Optional.empty());
    }
    return new PollException(PollException.Kind.TRANSIENT, message, Optional.empty());
  }

  /**
   * For an optional read such as a keyword search: a request the platform rejects is logged and skipped (its
   * cursor stays), so one bad keyword never stops the mentions; any other failure fails the cycle.
   */
  public static Future<Void> skipRejected(Throwable e, org.slf4j.Logger log, String what) {
    if (e instanceof PollException p && p.kind() == PollException.Kind.REJECTED) {
      log.warn("{} skipped this cycle: {}", what, p.getMessage());
      return Future.succeededFuture();
    }
    return Future.failedFuture(e);
  }
}
