package io.replywatch.notify.slack;

import io.replywatch.notify.UrlNotifier;
import io.replywatch.sla.SlaEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Posts to a Slack incoming webhook: about one message a second (Slack may disable apps that keep sending while
 * rate-limited), and a burst as one digest.
 */
public final class SlackNotifier extends UrlNotifier {

  public SlackNotifier(Vertx vertx, String url, Duration timeout, Clock clock) {
    super("slack", vertx, url, timeout, clock);
  }

  @Override
  protected JsonObject body(SlaEvent event) {
    return SlackPayloads.of(event);
  }

  @Override
  public Duration minInterval() {
    return Duration.ofSeconds(1);
  }

  @Override
  public boolean digests() {
    return true;
  }

  @Override
  public Future<Void> sendDigest(List<SlaEvent> events) {
    return post(SlackPayloads.digest(events));
  }
}
