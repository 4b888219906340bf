package io.replywatch.notify.teams;

import io.replywatch.notify.JsonPoster;
import io.replywatch.notify.Notifier;
import io.replywatch.sla.SlaEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Posts Adaptive Cards to a Microsoft Teams Workflows webhook. The webhook URL carries its own signature, so it is
 * a secret: it never appears in an error or a log. A workflow answers 202 (any 2xx counts); 429 and 5xx are
 * retried with {@code Retry-After} honoured. Pacing (about one message a second, digests) belongs to the routing
 * layer, not here.
 */
public final class TeamsNotifier implements Notifier {

  private final String url;
  private final TeamsPayloads payloads;
  private final JsonPoster poster;

  public TeamsNotifier(Vertx vertx, String url, TeamsPayloads payloads, Duration timeout, Clock clock) {
    this.url = JsonPoster.requireHttpUrl(channel(), "webhook URL", url);
    this.payloads = Objects.requireNonNull(payloads, "payloads");
    this.poster = new JsonPoster(vertx, channel(), timeout, clock, JsonPoster.urlSecrets(url));
  }

  @Override
  public String channel() {
    return "teams";
  }

  @Override
  public Future<Void> send(SlaEvent event) {
    return poster.post(url, payloads.build(event).toBuffer());
  }

  /** Teams, like Slack, takes about one message a second per webhook. */
  @Override
  public Duration minInterval() {
    return Duration.ofSeconds(1);
  }

  @Override
  public boolean digests() {
    return true;
  }

  @Override
  public Future<Void> sendDigest(java.util.List<SlaEvent> events) {
    return poster.post(url, payloads.digest(events).toBuffer());
  }

  /** Releases the HTTP client. */
  public void close() {
    poster.close();
  }

  @Override
  public String toString() {
    return "TeamsNotifier[url=<redacted>]";
  }
}
