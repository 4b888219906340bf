package io.replywatch.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.notify.FakeReceiver.Answer;
import io.replywatch.sla.SlaEvent;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every HTTP notifier must do against a fake receiver (alert-payloads.md, style.md rule 10): deliver on 2xx,
 * retry 5xx, 429 (with its Retry-After) and timeouts, give up on other 4xx, and never put a secret in an error.
 */
@ExtendWith(VertxExtension.class)
public abstract class NotifierContract {

  /** Request timeout the subclasses give their notifier; the stall case waits this long. */
  protected static final Duration TIMEOUT = Duration.ofMillis(1000);

  /** A notifier posting to {@code url} (the fake's address plus any secret path). */
  protected abstract Notifier create(Vertx vertx, FakeReceiver fake);

  /** Strings that must never appear in an error message. */
  protected abstract List<String> secrets();

  /** The status the real service answers on success. */
  protected abstract int okStatus();

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("500", Answer.status(500), true, Optional.empty()),
        Arguments.of("503 echoing the request", Answer.echo(503), true, Optional.empty()),
        Arguments.of("429 Retry-After 7", Answer.status(429, Map.of("Retry-After", "7")), true,
            Optional.of(Duration.ofSeconds(7))),
        Arguments.of("400 echoing the request", Answer.echo(400), false, Optional.empty()),
        Arguments.of("404", Answer.status(404), false, Optional.empty()),
        Arguments.of("stall", Answer.stall(), true, Optional.empty()));
  }

  @Test
  void shouldDeliverWhenReceiverAccepts(Vertx vertx, VertxTestContext ctx) {
    FakeReceiver.start(vertx).onComplete(ctx.succeeding(fake -> {
      fake.answer(Answer.status(okStatus()));
      create(vertx, fake).send(Events.breach()).onComplete(ctx.succeeding(v -> ctx.verify(() -> {
        assertEquals(1, fake.received().size());
        assertEquals("POST", fake.received().get(0).method());
        assertTrue(fake.received().get(0).headers().get("Content-Type").startsWith("application/json"));
        ctx.completeNow();
      })));
    }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void shouldFailSafelyWhenReceiverRefuses(String name, Answer answer, boolean recoverable,
      Optional<Duration> retryAfter, Vertx vertx, VertxTestContext ctx) {
    FakeReceiver.start(vertx).onComplete(ctx.succeeding(fake -> {
      fake.answer(answer);
      SlaEvent event = Events.breach();
      Notifier notifier = create(vertx, fake);
      // slf4j-simple writes to whatever System.err is at the time: capture what the failure logs
      PrintStream original = System.err;
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
      notifier.send(event).onComplete(ar -> System.setErr(original)).onComplete(ctx.failing(err -> ctx.verify(() -> {
        DeliveryException e = assertInstanceOf(DeliveryException.class, err);
        assertEquals(recoverable, e.recoverable(), e.getMessage());
        assertEquals(retryAfter, e.retryAfter());
        assertNoSecret(e);
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains(notifier.channel()), "the failure was logged: " + logged);
        for (String secret : secrets()) {
          assertFalse(logged.contains(secret), () -> "secret leaked in the log: " + logged);
        }
        ctx.completeNow();
      })));
    }));
  }

  @Test
  void shouldFailRecoverablyWhenNothingListens(Vertx vertx, VertxTestContext ctx) {
    FakeReceiver.start(vertx).onComplete(ctx.succeeding(fake -> {
      Notifier notifier = create(vertx, fake);
      fake.close().compose(v -> notifier.send(Events.breach())).onComplete(ctx.failing(err -> ctx.verify(() -> {
        DeliveryException e = assertInstanceOf(DeliveryException.class, err);
        assertTrue(e.recoverable());
        assertNoSecret(e);
        ctx.completeNow();
      })));
    }));
  }

  private void assertNoSecret(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage()) + " " + t;
      for (String secret : secrets()) {
        assertFalse(message.contains(secret), () -> "secret leaked in: " + message);
      }
    }
  }
}
