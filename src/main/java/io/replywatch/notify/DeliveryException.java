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
  private final boolean rateLimited;

  public DeliveryException(String message, boolean recoverable, Optional<Duration> retryAfter) {
    this(message, recoverable, retryAfter, false);
  }

  /** @param rateLimited the receiver said we send too much (429), not just that this message failed */
  public DeliveryException(String message, boolean recoverable, Optional<Duration> retryAfter, boolean rateLimited) {
    super(message);
    this.recoverable = recoverable;
    this.retryAfter = retryAfter;
    this.rateLimited = rateLimited;
  }

  public boolean recoverable() {
    return recoverable;
  }

  /** The receiver's own {@code Retry-After}, when it sent one. */
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }

  /**
   * Whether the whole channel must wait, not just this message: the receiver rate-limited us or named a time to
   * come back (alert-payloads.md §2.4: Slack may disable an app that keeps sending while rate-limited).
   */
  public boolean pausesChannel() {
    return recoverable && (rateLimited || retryAfter.isPresent());
  }
}
