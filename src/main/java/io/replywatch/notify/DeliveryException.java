package io.replywatch.notify;

import java.time.Duration;
import java.util.Optional;

/**
 * A failed delivery. {@code recoverable} follows Alertmanager's notifier rule: 5xx, 429 and timeouts may be
 * retried, other 4xx are permanent. The message never carries a webhook URL, routing key or token.
 */
public class DeliveryException extends RuntimeException {
  private final boolean recoverable;
  private final transient Optional<Duration> retryAfter;

  public DeliveryException(String message, boolean recoverable, Optional<Duration> retryAfter) {
    super(message);
    this.recoverable = recoverable;
    this.retryAfter = retryAfter;
  }

  public boolean recoverable() {
    return recoverable;
  }

  /** The receiver's own {@code Retry-After}, when it sent one. */
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
