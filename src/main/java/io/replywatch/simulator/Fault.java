package io.replywatch.simulator;

import java.time.Duration;

/**
 * A failure a simulator serves instead of the next answer: tests and the demo use them to prove the pollers
 * survive what real platforms do (social-apis.md §7).
 */
public record Fault(Kind kind, Duration retryAfter) {

  /** The failure to serve. */
  public enum Kind {
    /** 429 with the platform's rate-limit headers at zero and a reset {@code retryAfter} from now. */
    RATE_LIMIT,
    /** 503 with an HTML body, as Mastodon's proxy serves it. */
    HTML_503,
    /** 500 with a JSON error body. */
    SERVER_ERROR,
    /** 200 with a body that is not valid JSON. */
    MALFORMED,
    /** 401: the token was revoked. */
    UNAUTHORIZED,
    /** The access token expired: Bluesky's 400 {@code ExpiredToken}, which a refresh cures (401 elsewhere). */
    EXPIRED_TOKEN
  }

  public static Fault of(Kind kind) {
    return new Fault(kind, Duration.ofMinutes(1));
  }
}
