package io.replywatch.notify.teams;

import io.replywatch.notify.UrlNotifier;
import io.replywatch.sla.SlaEvent;
import io.vertx.core.Future;
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
public final class TeamsNotifier extends UrlNotifier {
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
  public Duration minInterval() {
    return Duration.ofSeconds(1);
  }

  @Override
  public boolean digests() {
    return true;
  }

  @Override
  public Future<Void> sendDigest(List<SlaEvent> events) {
    return post(payloads.digest(events));
  }
}
