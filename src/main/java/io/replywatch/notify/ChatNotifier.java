package io.replywatch.notify;

import io.replywatch.sla.SlaEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A chat channel people read (Slack, Teams): about one message a second, because both platforms throttle or
 * disable webhooks that keep sending while rate-limited, and a burst as one digest, because forty messages in a
 * row bury each other. Subclasses say what one event's body and a digest's body look like.
 */
public abstract class ChatNotifier extends UrlNotifier {
  private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

  protected ChatNotifier(String channel, Vertx vertx, String url, Duration timeout, Clock clock) {
    super(channel, vertx, url, timeout, clock);
  }

  /** The webhook body for several events sent as one message. */
  protected abstract JsonObject digestBody(List<SlaEvent> events);

  @Override
  public final Duration minInterval() {
    return MIN_INTERVAL;
  }

  @Override
  public final boolean digests() {
    return true;
  }

  @Override
  public final Future<Void> sendDigest(List<SlaEvent> events) {
    return post(digestBody(events));
  }
}
