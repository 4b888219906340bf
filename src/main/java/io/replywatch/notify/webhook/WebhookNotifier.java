package io.replywatch.notify.webhook;

import io.replywatch.notify.UrlNotifier;
import io.replywatch.sla.SlaEvent;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Posts {@link WebhookPayloads} JSON to any URL: the escape hatch for systems without a first-class channel. Any
 * 2xx is success; 5xx, 429 (honouring {@code Retry-After}), 408 and timeouts are retried; other 4xx are permanent.
 */
public final class WebhookNotifier extends UrlNotifier {
  private final WebhookPayloads payloads;

  public WebhookNotifier(Vertx vertx, String url, WebhookPayloads payloads, Duration timeout, Clock clock) {
    super("webhook", vertx, url, timeout, clock);
    this.payloads = Objects.requireNonNull(payloads, "payloads");
  }

  @Override
  protected JsonObject body(SlaEvent event) {
    return payloads.build(event);
  }
}
