package io.replywatch.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.replywatch.bus.Addresses;
import io.replywatch.config.ReplywatchConfig.Alerts;
import io.replywatch.config.ReplywatchConfig.Channel;
import io.replywatch.config.Secret;
import io.replywatch.metrics.ServiceMetrics;
import io.replywatch.sla.SlaEvent;
import io.replywatch.sla.SlaStore;
import io.replywatch.store.Database;
import io.replywatch.store.SqliteOutbox;
import io.replywatch.store.SqliteSlaStore;
import io.replywatch.time.ManualClock;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The outbox's delivery order as a receiver sees it: one paging channel that answers as scripted, a manual clock
 * moved by hand (no sleeps), and the real outbox underneath.
 */
@ExtendWith(VertxExtension.class)
class NotifyVerticleTest {
  private static final Instant NOW = Instant.parse("2026-09-01T11:01:00Z");
  private static final String PAGING = "paging/0";
  private static final String SUPPORT = "support/0";

  @TempDir
  Path dir;

  private final ManualClock clock = new ManualClock(NOW);
  private Database db;
  private SlaStore store;

  @BeforeEach
  void open() {
    db = Database.open(dir.resolve("t.db"));
    store = new SqliteSlaStore(db);
  }

  @AfterEach
  void close(Vertx vertx) {
    vertx.close().await();
    db.close();
  }

  @Test
  void shouldSendAResolutionOnlyAfterItsRetriedPageWentOut(Vertx vertx, VertxTestContext ctx) {
    ScriptedNotifier channel = new ScriptedNotifier(clock).thenFail(Optional.empty());
    enqueue(Events.breach());
    deploy(vertx, channel)
        .compose(id -> channel.attempted(1))
        .compose(v -> {
          // The brand answers while the page waits for its retry; another complaint breaches meanwhile.
          enqueue(Events.resolved());
          enqueue(Events.forMention(Events.breach(), "other"));
          vertx.eventBus().publish(Addresses.SLA_EVENT, "due");
          return channel.attempted(2);
        })
        .compose(v -> {
          ctx.verify(() -> assertEquals(List.of("3kxyzabc2 breach", "other breach"), channel.sent()));
          clock.advance(Duration.ofMinutes(1));
          return channel.attempted(4);
        })
        .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
          assertEquals(List.of("3kxyzabc2 breach", "other breach", "3kxyzabc2 breach", "3kxyzabc2 resolved"),
              channel.sent());
          ctx.completeNow();
        })));
  }

  /**
   * A receiver that rate-limits us pauses its whole channel until the time it named (or the backoff's, for a 429
   * without one); another channel is not held up, and afterwards the channel's messages go in their order.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "429 with Retry-After 30,  true,  30, 29.9, 30",
      "503 with Retry-After 30,  false, 30, 29.9, 30",
      "429 without Retry-After,  true,    , 0.9,  1.3"})
  void shouldPauseTheWholeChannelWhenTheReceiverSaysWhenToComeBack(String name, boolean rateLimited,
      Long retryAfterSeconds, double stillSeconds, double resumeSeconds, Vertx vertx, VertxTestContext ctx) {
    ScriptedNotifier paging = new ScriptedNotifier(clock)
        .thenFail(rateLimited, Optional.ofNullable(retryAfterSeconds).map(Duration::ofSeconds));
    ScriptedNotifier support = new ScriptedNotifier(clock);
    List.of("a", "b", "c").forEach(m -> enqueue(Events.forMention(Events.breach(), m)));
    deploy(vertx, paging, support)
        .compose(id -> paging.attempted(1))
        .compose(v -> sendToSupport(vertx, support, "d", 1))
        .compose(v -> {
          ctx.verify(() -> assertEquals(List.of("a breach"), paging.sent()));
          clock.set(NOW.plusMillis((long) (stillSeconds * 1000)));
          return sendToSupport(vertx, support, "e", 2);
        })
        .compose(v -> {
          ctx.verify(() -> assertEquals(List.of("a breach"), paging.sent()));
          clock.set(NOW.plusMillis((long) (resumeSeconds * 1000)));
          return paging.attempted(4);
        })
        .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
          assertEquals(List.of("a breach", "a breach", "b breach", "c breach"), paging.sent());
          Instant allowed = NOW.plus(Duration.ofMillis((long) (stillSeconds * 1000)));
          paging.attempts().subList(1, 4).forEach(a -> assertTrue(a.at().isAfter(allowed), a.toString()));
          ctx.completeNow();
        })));
  }

  /** Queues an alert for the support channel and waits for it: the verticle has then run its pass over the lanes. */
  private Future<Void> sendToSupport(Vertx vertx, ScriptedNotifier support, String mention, int nth) {
    store.inTransaction(() -> store.enqueue(Events.forMention(Events.warning(), mention), List.of(SUPPORT),
        clock.instant()));
    vertx.eventBus().publish(Addresses.SLA_EVENT, "due");
    return support.attempted(nth);
  }

  private void enqueue(SlaEvent e) {
    store.inTransaction(() -> store.enqueue(e, List.of(PAGING), clock.instant()));
  }

  private Future<String> deploy(Vertx vertx, Notifier paging) {
    return deploy(vertx, paging, new ScriptedNotifier(clock));
  }

  private Future<String> deploy(Vertx vertx, Notifier paging, Notifier support) {
    Channel supportChannel = new Channel("webhook", new Secret("http://127.0.0.1:1/support"), new Secret(""));
    Channel pagingChannel = new Channel("webhook", new Secret("http://127.0.0.1:1/paging"), new Secret(""));
    Alerts alerts = new Alerts(List.of(supportChannel), List.of(pagingChannel));
    NotifyVerticle verticle = new NotifyVerticle(alerts, c -> c == supportChannel ? support : paging,
        new SqliteOutbox(db), new ServiceMetrics(new SimpleMeterRegistry()), clock);
    return vertx.deployVerticle(verticle, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER));
  }
}
