package io.replywatch.notify;

import io.replywatch.Addresses;
import io.replywatch.metrics.ServiceMetrics;
import io.replywatch.metrics.ServiceMetrics.NotifyOutcome;
import io.replywatch.sla.Level;
import io.replywatch.sla.SlaEvent;
import io.replywatch.time.ServiceClock;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes SLA events to channels (product.md §4): warning to support, breach to support and paging, resolved to
 * every channel that got an event for the episode. Recoverable failures are retried with backoff on one timer;
 * permanent ones are counted and logged. Delivery state lives in memory until the durable outbox lands.
 */
public final class NotifyVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(NotifyVerticle.class);
  static final int MAX_ATTEMPTS = 12;

  private record Delivery(int channel, SlaEvent event, int attempt, Instant dueAt) {}

  private final List<Notifier> support;
  private final List<Notifier> paging;
  private final List<Notifier> all = new ArrayList<>();
  private final ServiceMetrics metrics;
  private final ServiceClock clock;
  private final PriorityQueue<Delivery> retries = new PriorityQueue<>(Comparator.comparing(Delivery::dueAt));
  private final Random random = new Random();
  private long timer = -1;
  private Runnable stopJumps = () -> { };

  public NotifyVerticle(List<Notifier> support, List<Notifier> paging, ServiceMetrics metrics, ServiceClock clock) {
    this.support = support;
    this.paging = paging;
    this.metrics = metrics;
    this.clock = clock;
    all.addAll(support);
    all.addAll(paging);
  }

  @Override
  public Future<?> start() {
    all.forEach(n -> metrics.initChannel(n.channel()));
    stopJumps = clock.onJump(() -> context.runOnContext(v -> retryDue()));
    return vertx.eventBus().<SlaEvent>consumer(Addresses.SLA_EVENT,
        m -> route(m.body(), "true".equals(m.headers().get(Addresses.PAGED_HEADER)))).completion();
  }

  @Override
  public Future<?> stop() {
    stopJumps.run();
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  /**
   * The routing rule of product.md §4 as a pure function of the event: warning to support; breach to support and
   * paging; resolved to support (every event went there) and, if the episode paged, to paging. No memory, so a
   * restart between the page and the answer still resolves the page.
   */
  void route(SlaEvent event, boolean paged) {
    Set<Integer> targets = new HashSet<>();
    switch (event.level()) {
      case WARNING -> range(0, support.size(), targets);
      case BREACH -> range(0, all.size(), targets);
      case RESOLVED -> range(0, paged ? all.size() : support.size(), targets);
    }
    targets.stream().sorted().forEach(i -> attempt(new Delivery(i, event, 1, clock.instant())));
  }

  private static void range(int from, int to, Set<Integer> into) {
    for (int i = from; i < to; i++) {
      into.add(i);
    }
  }

  private void attempt(Delivery d) {
    Notifier n = all.get(d.channel());
    n.send(d.event()).onComplete(ar -> {
      if (ar.succeeded()) {
        metrics.notification(n.channel(), d.event().level(), NotifyOutcome.SENT);
        return;
      }
      DeliveryException e = ar.cause() instanceof DeliveryException de ? de
          : new DeliveryException(n.channel() + " failed: " + ar.cause().getClass().getSimpleName(), true,
              java.util.Optional.empty());
      if (e.recoverable() && d.attempt() < MAX_ATTEMPTS) {
        Duration wait = Backoff.next(d.attempt(), e.retryAfter(), random);
        LOG.warn("delivery retry: channel={} level={} key={} attempt={} in={}ms: {}", n.channel(),
            d.event().level().id(), d.event().dedupKey(), d.attempt(), wait.toMillis(), e.getMessage());
        retries.add(new Delivery(d.channel(), d.event(), d.attempt() + 1, clock.instant().plus(wait)));
        arm();
        metrics.notification(n.channel(), d.event().level(), NotifyOutcome.RETRIED);
      } else {
        metrics.notification(n.channel(), d.event().level(), NotifyOutcome.FAILED);
        LOG.error("delivery failed for good: channel={} level={} key={} attempts={}: {}", n.channel(),
            d.event().level().id(), d.event().dedupKey(), d.attempt(), e.getMessage());
      }
    });
  }

  private void retryDue() {
    Instant now = clock.instant();
    while (!retries.isEmpty() && !retries.peek().dueAt().isAfter(now)) {
      attempt(retries.poll());
    }
    arm();
  }

  private void arm() {
    vertx.cancelTimer(timer);
    timer = -1;
    if (!retries.isEmpty()) {
      Duration wait = Duration.between(clock.instant(), retries.peek().dueAt());
      timer = vertx.setTimer(clock.realDelayMillis(wait), id -> retryDue());
    }
  }
}
