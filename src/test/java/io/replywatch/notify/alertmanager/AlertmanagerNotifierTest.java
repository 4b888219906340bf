package io.replywatch.notify.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.notify.Events;
import io.replywatch.notify.FakeReceiver;
import io.replywatch.notify.FakeReceiver.Answer;
import io.replywatch.notify.Notifier;
import io.replywatch.notify.NotifierContract;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertmanagerNotifierTest extends NotifierContract {

  private static final String CREDENTIALS = "am-user:s3cretPassw0rd";
  private final Clock clock = Clock.fixed(Events.breach().at(), ZoneOffset.UTC);
  private final AlertmanagerPayloads payloads =
      new AlertmanagerPayloads(Optional.empty(), Optional.empty(), Duration.ofMinutes(5));

  @Override
  protected Notifier create(Vertx vertx, FakeReceiver fake) {
    String url = fake.url("").replace("http://", "http://" + CREDENTIALS + "@");
    return new AlertmanagerNotifier(vertx, url, payloads, TIMEOUT, clock);
  }

  @Override
  protected List<String> secrets() {
    return List.of(CREDENTIALS);
  }

  @Override
  protected int okStatus() {
    return 200;
  }

  @Test
  void shouldPostArrayToAlertsEndpoint(Vertx vertx, VertxTestContext ctx) {
    FakeReceiver.start(vertx).onComplete(ctx.succeeding(fake -> {
      AlertmanagerNotifier notifier = new AlertmanagerNotifier(vertx, fake.url("/"), payloads, TIMEOUT, clock);
      notifier.send(Events.breach())
          .compose(v -> notifier.post(List.of(Events.warning(), Events.breach())))
          .compose(v -> notifier.post(List.of()))
          .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
            assertEquals(2, fake.received().size(), "an empty batch sends nothing");
            assertEquals("/api/v2/alerts", fake.received().get(0).uri());
            assertEquals(payloads.build(Events.breach(), clock.instant()), fake.received().get(0).jsonArray());
            JsonArray batch = fake.received().get(1).jsonArray();
            assertEquals(2, batch.size());
            assertEquals("support", batch.getJsonObject(0).getJsonObject("labels").getString("stage"));
            assertEquals("oncall", batch.getJsonObject(1).getJsonObject("labels").getString("stage"));
            ctx.completeNow();
          })));
    }));
  }

  @Test
  void shouldSendUrlCredentialsAsBasicAuth(Vertx vertx, VertxTestContext ctx) {
    FakeReceiver.start(vertx).onComplete(ctx.succeeding(fake -> {
      create(vertx, fake).send(Events.breach()).onComplete(ctx.succeeding(v -> ctx.verify(() -> {
        String expected = "Basic " + java.util.Base64.getEncoder()
            .encodeToString(CREDENTIALS.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(expected, fake.received().get(0).headers().get("Authorization"));
        assertEquals("/api/v2/alerts", fake.received().get(0).uri());
        ctx.completeNow();
      })));
    }));
  }

  @Test
  void shouldTreatBadRequestAsPermanent(Vertx vertx, VertxTestContext ctx) {
    FakeReceiver.start(vertx).onComplete(ctx.succeeding(fake -> {
      fake.answer(Answer.status(400));
      create(vertx, fake).send(Events.breach()).onComplete(ctx.failing(err -> ctx.verify(() -> {
        assertEquals(false, ((io.replywatch.notify.DeliveryException) err).recoverable());
        ctx.completeNow();
      })));
    }));
  }
}
