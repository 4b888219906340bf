package io.replywatch.notify.pagerduty;

import io.replywatch.notify.JsonPoster;
import io.replywatch.notify.Notifier;
import io.replywatch.sla.SlaEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Pages on-call through PagerDuty Events API v2: {@code trigger} on breach and {@code resolve} with the same
 * {@code dedup_key} when the brand answers. PagerDuty answers 202; 429 and 5xx are retried (honouring
 * {@code Retry-After}), 400 is permanent. The routing key is a secret: it is only ever sent in the body, never
 * logged, and redacted from anything PagerDuty echoes back into an error.
 */
public final class PagerDutyNotifier implements Notifier {

  /** The public Events API v2 endpoint; tests and the demo point the notifier at loopback instead. */
  public static final String DEFAULT_URL = "https://events.pagerduty.com/v2/enqueue";

  private final String url;
  private final String routingKey;
  private final PagerDutyPayloads payloads;
  private final JsonPoster poster;

  public PagerDutyNotifier(Vertx vertx, String url, String routingKey, PagerDutyPayloads payloads,
      Duration timeout, Clock clock) {
    this.url = JsonPoster.requireHttpUrl(channel(), "events URL", url);
    this.routingKey = Objects.requireNonNull(routingKey, "routingKey");
    if (routingKey.isBlank()) {
      throw new IllegalArgumentException("pagerduty: routing key is empty");
    }
    this.payloads = Objects.requireNonNull(payloads, "payloads");
    this.poster = new JsonPoster(vertx, channel(), timeout, clock, withKey(routingKey, url));
  }

  private static List<String> withKey(String routingKey, String url) {
    List<String> secrets = new java.util.ArrayList<>(JsonPoster.urlSecrets(url));
    secrets.add(routingKey);
    return secrets;
  }

  @Override
  public String channel() {
    return "pagerduty";
  }

  @Override
  public Future<Void> send(SlaEvent event) {
    return poster.post(url, payloads.build(event, routingKey).toBuffer());
  }

  /** Releases the HTTP client. */
  public void close() {
    poster.close();
  }

  @Override
  public String toString() {
    return "PagerDutyNotifier[routingKey=<redacted>]";
  }
}
