package io.replywatch.notify.slack;

import io.replywatch.notify.JsonPoster;
import io.replywatch.notify.Notifier;
import io.replywatch.sla.SlaEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Posts to a Slack incoming webhook. The URL is a secret: it never appears in an error or a log line. */
public final class SlackNotifier implements Notifier {
  private final String url;
  private final JsonPoster poster;

  public SlackNotifier(Vertx vertx, String url, Duration timeout, Clock clock) {
    this.url = JsonPoster.requireHttpUrl(channel(), "webhook URL", url);
    this.poster = new JsonPoster(vertx, channel(), timeout, clock, JsonPoster.urlSecrets(url));
  }

  @Override
  public String channel() {
    return "slack";
  }

  @Override
  public Future<Void> send(SlaEvent event) {
    return poster.post(url, SlackPayloads.of(event).toBuffer());
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
    return poster.post(url, SlackPayloads.digest(events).toBuffer());
  }
}
