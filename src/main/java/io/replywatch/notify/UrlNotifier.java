package io.replywatch.notify;

import io.replywatch.sla.SlaEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;

/**
 * A channel that POSTs one JSON body per event to a webhook URL (Slack, Teams, the generic webhook). The URL
 * usually carries its own token, so it is a secret: checked at start-up without quoting it, and kept out of every
 * error and log line by {@link JsonPoster}. Subclasses say only what the body looks like.
 */
public abstract class UrlNotifier implements Notifier {
  private final String channel;
  private final String url;
  private final JsonPoster poster;

  protected UrlNotifier(String channel, Vertx vertx, String url, Duration timeout, Clock clock) {
    this.channel = channel;
    this.url = JsonPoster.requireHttpUrl(channel, "webhook URL", url);
    this.poster = new JsonPoster(vertx, channel, timeout, clock, JsonPoster.urlSecrets(url));
  }

  /** The webhook body for one event. */
  protected abstract JsonObject body(SlaEvent event);

  @Override
  public final String channel() {
    return channel;
  }

  @Override
  public Future<Void> send(SlaEvent event) {
    return post(body(event));
  }

  protected final Future<Void> post(JsonObject body) {
    return poster.post(url, body.toBuffer());
  }

  /** Releases the HTTP client. */
  public void close() {
    poster.close();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[url=<redacted>]";
  }
}
