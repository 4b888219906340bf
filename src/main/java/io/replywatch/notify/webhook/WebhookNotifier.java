package io.replywatch.notify.webhook;

import io.replywatch.notify.JsonPoster;
import io.replywatch.notify.Notifier;
import io.replywatch.sla.SlaEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Posts {@link WebhookPayloads} JSON to any URL: the escape hatch for systems without a first-class channel. Any
 * 2xx is success; 5xx, 429 (honouring {@code Retry-After}), 408 and timeouts are retried; other 4xx are permanent.
 * The URL may embed a token, so it is treated as a secret and kept out of every error and log line.
 */
public final class WebhookNotifier implements Notifier {

  private final String url;
  private final WebhookPayloads payloads;
  private final JsonPoster poster;

  public WebhookNotifier(Vertx vertx, String url, WebhookPayloads payloads, Duration timeout, Clock clock) {
    this.url = JsonPoster.requireHttpUrl(channel(), "webhook URL", url);
    this.payloads = Objects.requireNonNull(payloads, "payloads");
    this.poster = new JsonPoster(vertx, channel(), timeout, clock, JsonPoster.urlSecrets(url));
  }

  @Override
  public String channel() {
    return "webhook";
  }

  @Override
  public Future<Void> send(SlaEvent event) {
    return poster.post(url, payloads.build(event).toBuffer());
  }

  /** Releases the HTTP client. */
  public void close() {
    poster.close();
  }

  @Override
  public String toString() {
    return "WebhookNotifier[url=<redacted>]";
  }
}
