package io.replywatch.notify.slack;

import io.replywatch.config.Secret;
import io.replywatch.notify.HttpDelivery;
import io.replywatch.notify.Notifier;
import io.replywatch.sla.SlaEvent;
import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;

/** Posts to a Slack incoming webhook. The URL is a secret: it never appears in an error or a log line. */
public final class SlackNotifier implements Notifier {
  private static final long TIMEOUT_MS = 10_000;

  private final WebClient client;
  private final Secret url;

  public SlackNotifier(WebClient client, Secret url) {
    this.client = client;
    this.url = url;
  }

  @Override
  public String channel() {
    return "slack";
  }

  @Override
  public Future<Void> send(SlaEvent event) {
    return client.postAbs(url.reveal())
        .timeout(TIMEOUT_MS)
        .sendJsonObject(SlackPayloads.of(event))
        .recover(e -> Future.failedFuture(HttpDelivery.transport(channel(), e)))
        .compose(resp -> HttpDelivery.outcome(channel(), resp));
  }
}
