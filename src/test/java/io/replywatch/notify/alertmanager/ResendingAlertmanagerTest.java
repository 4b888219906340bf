package io.replywatch.notify.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.notify.Events;
import io.replywatch.notify.FakeReceiver;
import io.replywatch.time.ManualClock;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Firing alerts are posted again every interval, and a resolution for five minutes, then no more. */
class ResendingAlertmanagerTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void tearDown() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldResendWhileFiringAndForFiveMinutesAfterResolving() throws Exception {
    FakeReceiver am = FakeReceiver.start(vertx).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    ManualClock clock = new ManualClock(Events.OPENED.plus(Duration.ofMinutes(61)));
    AlertmanagerNotifier inner = new AlertmanagerNotifier(vertx, am.url(""),
        new AlertmanagerPayloads(Optional.empty(), Optional.empty(), Duration.ofHours(24)), Duration.ofSeconds(5), clock);
    io.vertx.core.Context context = vertx.getOrCreateContext();
    ResendingAlertmanager[] holder = new ResendingAlertmanager[1];
    context.runOnContext(v -> holder[0] = new ResendingAlertmanager(inner, Duration.ofMinutes(1), vertx, clock));
    while (holder[0] == null) {
      Thread.onSpinWait();
    }
    ResendingAlertmanager channel = holder[0];

    send(context, channel, Events.breach());
    assertEquals(1, am.received().size());
    clock.advance(Duration.ofSeconds(30));
    assertEquals(1, am.received().size(), "not before the interval");
    clock.advance(Duration.ofSeconds(31));
    awaitPosts(am, 2);
    assertEquals("/api/v2/alerts", am.received().get(1).uri());
    assertEquals("page", am.received().get(1).jsonArray().getJsonObject(0).getJsonObject("labels").getString("severity"));

    send(context, channel, Events.resolved());
    assertEquals(3, am.received().size());
    for (int minute = 1; minute <= 4; minute++) { // at 1:01, 2:02, 3:03, 4:04 after the resolution
      clock.advance(Duration.ofMinutes(1).plusSeconds(1));
      awaitPosts(am, 3 + minute);
    }
    int settled = am.received().size();
    clock.advance(Duration.ofMinutes(3));
    clock.advance(Duration.ofMinutes(3));
    assertEquals(settled, am.received().size(), "no re-send once five minutes have passed since the resolution");
    String last = am.received().get(am.received().size() - 1).jsonArray().getJsonObject(0).getString("endsAt");
    assertTrue(last.startsWith("2026-09-01T11:12"), "a resolved alert keeps its endsAt: " + last);
  }

  /** Sends on the channel's context and waits until the send (and its bookkeeping) completed. */
  private static void send(io.vertx.core.Context context, ResendingAlertmanager channel, io.replywatch.sla.SlaEvent e)
      throws Exception {
    java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
    context.runOnContext(v -> channel.send(e).onComplete(ar -> done.complete(null)));
    done.get(10, TimeUnit.SECONDS);
  }

  private static void awaitPosts(FakeReceiver am, int n) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (am.received().size() < n) {
      assertTrue(System.nanoTime() < deadline, "only " + am.received().size() + " posts, expected " + n);
      LockSupport.parkNanos(5_000_000L);
    }
  }
}
