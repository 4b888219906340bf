package io.replywatch.notify.slack;

import io.replywatch.notify.ChatNotifier;
import io.replywatch.sla.SlaEvent;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Posts to a Slack incoming webhook: about one message a second (Slack may disable apps that keep sending while
 * rate-limited), and a burst as one digest.
 */
public final class SlackNotifier extends ChatNotifier {

  public SlackNotifier(Vertx vertx, String url, Duration timeout, Clock clock) {
    super("slack", vertx, url, timeout, clock);
  }

  @Override
  protected JsonObject body(SlaEvent event) {
    return SlackPayloads.of(event);
  }

  @Override
  protected JsonObject digestBody(List<SlaEvent> events) {
    return SlackPayloads.digest(events);
  }
}
