package io.replywatch.notify.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.notify.Events;
import io.replywatch.notify.FakeReceiver;
import io.replywatch.notify.Notifier;
import io.replywatch.notify.NotifierContract;
import io.vertx.core.Vertx;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookNotifierTest extends NotifierContract {

  private static final String TOKEN = "whsec_5f2b8c1d9e0a4b7c";
  private static final String PATH = "/hooks/replywatch?token=" + TOKEN;

  @Override
  protected Notifier create(Vertx vertx, FakeReceiver fake) {
    return new WebhookNotifier(vertx, fake.url(PATH), new WebhookPayloads(), TIMEOUT, Clock.systemUTC());
  }

  @Override
  protected List<String> secrets() {
    return List.of(TOKEN);
  }

  @Override
  protected int okStatus() {
    return 204;
  }

  @Test
  void shouldPostDocumentedSchema(Vertx vertx, VertxTestContext ctx) {
    Checkpoint warned = ctx.checkpoint();
    Checkpoint resolved = ctx.checkpoint();
    FakeReceiver.start(vertx).onComplete(ctx.succeeding(fake -> {
      Notifier notifier = create(vertx, fake);
      notifier.send(Events.warning())
          .onSuccess(v -> ctx.verify(() -> {
            assertEquals(PATH, fake.received().get(0).uri());
            assertEquals(new WebhookPayloads().build(Events.warning()), fake.received().get(0).json());
            warned.flag();
          }))
          .compose(v -> notifier.send(Events.resolved()))
          .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
            assertEquals(new WebhookPayloads().build(Events.resolved()), fake.received().get(1).json());
            resolved.flag();
          })));
    }));
  }
}
