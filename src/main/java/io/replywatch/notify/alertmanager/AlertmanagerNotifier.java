package io.replywatch.notify.alertmanager;

import io.replywatch.notify.JsonPoster;
import io.replywatch.notify.Notifier;
import io.replywatch.sla.SlaEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Posts SLA events to Alertmanager's {@code POST /api/v2/alerts}, which then routes, groups, inhibits and
 * de-duplicates them for whatever receivers the operator set up (config/alertmanager/alertmanager.yml). Alertmanager
 * answers 200; 5xx and timeouts are retried, 400 is permanent. Re-sending is {@link AlertmanagerResender}'s rule;
 * {@link #post(List)} sends a whole batch of re-sends in one request.
 */
public final class AlertmanagerNotifier implements Notifier {

  private final String alertsUrl;
  private final AlertmanagerPayloads payloads;
  private final Clock clock;
  private final JsonPoster poster;

  /** @param baseUrl Alertmanager's base URL, such as {@code http://127.0.0.1:9093} (may carry credentials) */
  public AlertmanagerNotifier(Vertx vertx, String baseUrl, AlertmanagerPayloads payloads, Duration timeout,
      Clock clock) {
    JsonPoster.requireHttpUrl(channel(), "base URL", baseUrl);
    this.alertsUrl = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl)
        + "/api/v2/alerts";
    this.payloads = Objects.requireNonNull(payloads, "payloads");
    this.clock = clock;
    this.poster = new JsonPoster(vertx, channel(), timeout, clock, JsonPoster.urlSecrets(baseUrl));
  }

  @Override
  public String channel() {
    return "alertmanager";
  }

  @Override
  public Future<Void> send(SlaEvent event) {
    return post(List.of(event));
  }

  /** Posts the alerts of all {@code events} in one request, as of now; nothing is sent when there are none. */
  public Future<Void> post(List<SlaEvent> events) {
    JsonArray alerts = new JsonArray();
    var now = clock.instant();
    for (SlaEvent event : events) {
      payloads.build(event, now).forEach(alerts::add);
    }
    if (alerts.isEmpty()) {
      return Future.succeededFuture();
    }
    return poster.post(alertsUrl, alerts.toBuffer());
  }

  /** Releases the HTTP client. */
  public void close() {
    poster.close();
  }

  @Override
  public String toString() {
    return "AlertmanagerNotifier";
  }
}
