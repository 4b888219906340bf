package io.replywatch.notify.teams;

import io.replywatch.notify.ChatNotifier;
import io.replywatch.sla.SlaEvent;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Posts Adaptive Cards to a Microsoft Teams Workflows webhook. A workflow answers 202 (any 2xx counts); 429 and
 * 5xx are retried with {@code Retry-After} honoured. Like Slack: about one message a second, a burst as one digest.
 */
public final class TeamsNotifier extends ChatNotifier {
  private final TeamsPayloads payloads;

  public TeamsNotifier(Vertx vertx, String url, TeamsPayloads payloads, Duration timeout, Clock clock) {
    super("teams", vertx, url, timeout, clock);
    this.payloads = Objects.requireNonNull(payloads, "payloads");
  }

  @Override
  protected JsonObject body(SlaEvent event) {
    return payloads.build(event);
  }

  @Override
  protected JsonObject digestBody(List<SlaEvent> events) {
    return payloads.digest(events);
  }
}
