package io.replywatch.notify.pagerduty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.notify.Events;
import io.replywatch.notify.FakeReceiver;
import io.replywatch.notify.FakeReceiver.Answer;
import io.replywatch.notify.Notifier;
import io.replywatch.notify.NotifierContract;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PagerDutyNotifierTest extends NotifierContract {

  private static final String KEY = "R0UTINGKEY0123456789ABCDEFGHIJKL";
  private final PagerDutyPayloads payloads = new PagerDutyPayloads(Optional.empty());

  @Override
  protected Notifier create(Vertx vertx, FakeReceiver fake) {
    return new PagerDutyNotifier(vertx, fake.url("/v2/enqueue"), KEY, payloads, TIMEOUT, Clock.systemUTC());
  }

  @Override
  protected List<String> secrets() {
    return List.of(KEY);
  }

  @Override
  protected int okStatus() {
    return 202;
  }

  @Test
  void shouldPostTriggerThenResolveWithSameKey(Vertx vertx, VertxTestContext ctx) {
    FakeReceiver.start(vertx).onComplete(ctx.succeeding(fake -> {
      fake.answer(Answer.status(202));
      Notifier notifier = create(vertx, fake);
      notifier.send(Events.breach())
          .compose(v -> notifier.send(Events.resolved()))
          .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
            assertEquals(2, fake.received().size());
            assertEquals("/v2/enqueue", fake.received().get(0).uri());
            assertEquals(payloads.build(Events.breach(), KEY), fake.received().get(0).json());
            assertEquals(payloads.build(Events.resolved(), KEY), fake.received().get(1).json());
            assertEquals(fake.received().get(0).json().getString("dedup_key"),
                fake.received().get(1).json().getString("dedup_key"));
            ctx.completeNow();
          })));
    }));
  }

  @Test
  void shouldNotShowRoutingKeyInToString(Vertx vertx) {
    String text = new PagerDutyNotifier(vertx, "http://127.0.0.1:1/", KEY, payloads, TIMEOUT, Clock.systemUTC())
        .toString();
    org.junit.jupiter.api.Assertions.assertFalse(text.contains(KEY));
  }
}
