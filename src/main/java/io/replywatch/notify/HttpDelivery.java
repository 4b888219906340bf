package io.replywatch.notify;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Maps a receiver's HTTP answer to delivered or a {@link DeliveryException}, with no URL or key in the message. */
public final class HttpDelivery {

  private HttpDelivery() {}

  public static Future<Void> outcome(String channel, HttpResponse<Buffer> resp) {
    int status = resp.statusCode();
    return switch (RetryPolicy.check(status)) {
      case DELIVERED -> Future.succeededFuture();
      case RETRY -> Future.failedFuture(new DeliveryException(channel + " answered HTTP " + status, true,
          retryAfter(resp.getHeader("Retry-After"))));
      case PERMANENT -> Future.failedFuture(new DeliveryException(channel + " answered HTTP " + status
          + " " + shortBody(resp), false, Optional.empty()));
    };
  }

  /** A transport failure (refused, reset, timed out) may be retried. */
  public static Throwable transport(String channel, Throwable cause) {
    if (cause instanceof DeliveryException) {
      return cause;
    }
    return new DeliveryException(channel + " unreachable: " + cause.getClass().getSimpleName(), true, Optional.empty());
  }

  /** {@code Retry-After} in seconds; an HTTP date or garbage counts as not given. */
  static Optional<Duration> retryAfter(String header) {
    if (header == null) {
      return Optional.empty();
    }
    try {
      long s = Long.parseLong(header.trim());
      return s >= 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String shortBody(HttpResponse<Buffer> resp) {
    String b = resp.bodyAsString();
    if (b == null) {
      return "";
    }
    b = b.replaceAll("[\\p{Cntrl}]", " ");
    return b.length() > 80 ? b.substring(0, 80) : b;
  }
}
