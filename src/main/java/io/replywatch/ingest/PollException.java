package io.replywatch.ingest;

import java.time.Instant;
import java.util.Optional;

/**
 * A failed request to a platform, classified so the poller knows what to do: wait for the rate-limit reset, back
 * off and retry, or report the source blind (a revoked token needs a person). Never carries a token.
 */
public class PollException extends RuntimeException {

  /**
   * What kind of failure. REJECTED: the platform refused this request itself (400, 404): repeating it will not
   * help, so an optional read (a keyword search) is skipped rather than stall the mentions. FORBIDDEN (403): the
   * token was accepted but may not read this (a private or banned subreddit, a search the plan lacks); an optional
   * read is skipped, while on a required one the source is blind as with AUTH (401).
   */
  public enum Kind { RATE_LIMITED, TRANSIENT, AUTH, FORBIDDEN, MALFORMED, REJECTED }

  private final Kind kind;
  private final transient Optional<Instant> retryAt;

  public PollException(Kind kind, String message, Optional<Instant> retryAt) {
    super(message);
    this.kind = kind;
    this.retryAt = retryAt;
  }

  public Kind kind() {
    return kind;
  }

  public Optional<Instant> retryAt() {
    return retryAt;
  }
}
