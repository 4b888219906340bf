package io.replywatch.notify;

import io.replywatch.bus.Addresses;
import io.replywatch.config.QuietHours;
import io.replywatch.config.ReplywatchConfig.Alerts;
import io.replywatch.config.ReplywatchConfig.Channel;
import io.replywatch.notify.NotifyMetrics.NotifyOutcome;
import io.replywatch.time.ServiceClock;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers what the SLA stage queued in the durable outbox (product.md §4): each (episode, level, channel) once.
 * Recoverable failures (5xx, 429, timeouts) are retried with exponential backoff and jitter, honouring
 * {@code Retry-After}, on one timer for the earliest retry; permanent ones are marked failed and kept for
 * inspection. A 429 or a {@code Retry-After} pauses the whole channel until the retry, and a support channel's
 * quiet hours defer its messages to their end. Undelivered rows survive a restart and go out when it starts.
 * Deploy as a worker: the outbox statements block.
 */
public final class NotifyVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(NotifyVerticle.class);
  /** How long a recoverable failure is retried: an outage of hours still delivers everything afterwards. */
  static final Duration MAX_RETRY_AGE = Duration.ofHours(24);
  private static final int BATCH = 200;

  private final Map<String, Lane> lanes = new LinkedHashMap<>();
  private final Outbox outbox;
  private final NotifyMetrics metrics;
  private final ServiceClock clock;
  private final Random random = new Random();
  private static final long STOP_GRACE_MS = 5_000;
  private long timer = -1;
  private io.vertx.core.Promise<Void> stopping;
  private Runnable stopJumps = () -> { };

  private final Alerts alerts;
  private final Function<Channel, Notifier> factory;

  /**
   * @param factory builds each channel's notifier; called in {@link #start}, so their HTTP clients belong to this
   *     verticle and close only after {@link #stop} let deliveries in flight settle
   */
  public NotifyVerticle(Alerts alerts, Function<Channel, Notifier> factory, Outbox outbox, NotifyMetrics metrics,
      ServiceClock clock) {
    this.alerts = alerts;
    this.factory = factory;
    this.outbox = outbox;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    for (int i = 0; i < alerts.support().size(); i++) {
      Channel channel = alerts.support().get(i);
      lanes.put("support/" + i, new Lane(factory.apply(channel), channel.quietHours()));
    }
    for (int i = 0; i < alerts.paging().size(); i++) {
      lanes.put("paging/" + i, new Lane(factory.apply(alerts.paging().get(i)), Optional.empty()));
    }
    lanes.values().forEach(l -> metrics.initChannel(l.notifier.channel()));
    lanes.forEach((key, lane) -> lane.notifier.refreshesResolvedFor().ifPresent(window -> outbox
        .deliveredSince(key, clock.instant().minus(window)).forEach(d -> lane.notifier.delivered(d.event(), d.at()))));
    int resumed = outbox.resumeInFlight();
    if (resumed > 0) {
      LOG.warn("{} notification(s) were in flight when the service stopped; sending them again", resumed);
    }
    stopJumps = clock.onJump(() -> context.runOnContext(v -> deliverDue()));
    return vertx.eventBus().consumer(Addresses.SLA_EVENT, m -> deliverDue()).completion()
        .onSuccess(v -> deliverDue());
  }

  /**
   * Lets messages in flight settle (up to a few seconds) before Vert.x closes, so a clean stop never leaves a
   * delivered message unmarked, which the next start would send again.
   */
  @Override
  public Future<?> stop() {
    stopJumps.run();
    vertx.cancelTimer(timer);
    lanes.values().forEach(l -> vertx.cancelTimer(l.timer));
    stopping = io.vertx.core.Promise.promise();
    if (lanes.values().stream().noneMatch(l -> l.busy)) {
      stopping.tryComplete();
    } else {
      vertx.setTimer(STOP_GRACE_MS, id -> stopping.tryComplete());
    }
    return stopping.future();
  }

  /** Takes everything due now into its channel's lane, then arms the timer for the next retry. */
  private void deliverDue() {
    List<Outbox.Item> due;
    do {
      due = outbox.takeDue(clock.instant(), BATCH);
      for (Outbox.Item item : due) {
        Lane lane = lanes.get(item.channel());
        if (lane == null) {
          outbox.failed(item.id(), clock.instant(), "channel " + item.channel() + " is no longer configured");
        } else {
          lane.queue.add(item);
        }
      }
    } while (due.size() == BATCH);
    lanes.values().forEach(this::pump);
    arm();
  }

  /**
   * One message at a time per channel, no faster than its pace (in real time); a paced channel with several waiting gets one
   * digest. So a crash can repeat at most the one message in flight, and a burst never floods a chat channel.
   */
  private void pump(Lane lane) {
    if (lane.busy || lane.queue.isEmpty()) {
      return;
    }
    if (stopping != null) {
      return;
    }
    Optional<Instant> holdUntil = lane.pausedUntil.filter(clock.instant()::isBefore)
        .or(() -> lane.quiet.flatMap(q -> q.endIfQuiet(clock.instant())));
    if (holdUntil.isPresent()) {
      lane.queue.forEach(item -> outbox.defer(item.id(), holdUntil.get()));
      lane.queue.clear();
      arm();
      return;
    }
    // Pacing is in real time, whatever the service clock does: Slack's one message a second is wall-clock.
    long waitNanos = lane.lastAttemptNanos + lane.notifier.minInterval().toNanos() - System.nanoTime();
    if (lane.attempted && waitNanos > 0) {
      if (lane.timer < 0) {
        lane.timer = vertx.setTimer(Math.max(1, waitNanos / 1_000_000), id -> {
          lane.timer = -1;
          pump(lane);
        });
      }
      return;
    }
    List<Outbox.Item> batch = new ArrayList<>();
    int max = lane.notifier.digests() ? Notifier.DIGEST_MAX : 1;
    while (!lane.queue.isEmpty() && batch.size() < max) {
      batch.add(lane.queue.poll());
    }
    lane.busy = true;
    lane.attempted = true;
    lane.lastAttemptNanos = System.nanoTime();
    Notifier n = lane.notifier;
    Future<Void> sent = batch.size() == 1 ? n.send(batch.get(0).event())
        : n.sendDigest(batch.stream().map(Outbox.Item::event).toList());
    sent.onComplete(ar -> {
      lane.busy = false;
      batch.forEach(item -> settle(lane, item, ar.succeeded() ? null : ar.cause()));
      if (stopping != null) {
        if (lanes.values().stream().noneMatch(l -> l.busy)) {
          stopping.tryComplete();
        }
        return;
      }
      // Settling may free rows the outbox held back behind this one (an episode's "resolved" behind its page).
      deliverDue();
    });
  }

  private void settle(Lane lane, Outbox.Item item, Throwable failure) {
    Notifier n = lane.notifier;
    if (failure == null) {
      outbox.sent(item.id(), clock.instant());
      metrics.notification(n.channel(), item.event().level(), NotifyOutcome.SENT);
      return;
    }
    DeliveryException e = failure instanceof DeliveryException de ? de
        : new DeliveryException(n.channel() + " failed: " + failure.getClass().getSimpleName(), true, Optional.empty());
    int attempts = item.attempts() + 1;
    Duration wait = Backoff.next(attempts, e.retryAfter(), random);
    if (e.pausesChannel()) {
      // Nothing more to this channel until then, not just this message: keeping on at a receiver that is rate
      // limiting us can get the app disabled (alert-payloads.md §2.4).
      Instant until = clock.instant().plus(wait);
      lane.pausedUntil = lane.pausedUntil.filter(until::isBefore).or(() -> Optional.of(until));
    }
    if (e.recoverable() && clock.instant().plus(wait).isBefore(item.createdAt().plus(MAX_RETRY_AGE))) {
      outbox.retry(item.id(), clock.instant().plus(wait), e.getMessage());
      LOG.warn("delivery retry: channel={} level={} key={} attempt={} in={}ms: {}", n.channel(),
          item.event().level().id(), item.event().dedupKey(), attempts, wait.toMillis(), e.getMessage());
      arm();
      metrics.notification(n.channel(), item.event().level(), NotifyOutcome.RETRIED);
    } else {
      outbox.failed(item.id(), clock.instant(), e.getMessage());
      metrics.notification(n.channel(), item.event().level(), NotifyOutcome.FAILED);
      LOG.error("delivery failed for good: channel={} level={} key={} attempts={}: {}", n.channel(),
          item.event().level().id(), item.event().dedupKey(), attempts, e.getMessage());
    }
  }

  /** One channel's queue of taken deliveries, and whether a message to it is in flight. */
  private static final class Lane {
    final Notifier notifier;
    final Optional<QuietHours> quiet;
    final Deque<Outbox.Item> queue = new ArrayDeque<>();
    /** Service time before which the receiver asked us not to send (a 429, or a {@code Retry-After}). */
    Optional<Instant> pausedUntil = Optional.empty();
    boolean busy;
    boolean attempted;
    long lastAttemptNanos;
    long timer = -1;

    Lane(Notifier notifier, Optional<QuietHours> quiet) {
      this.notifier = notifier;
      this.quiet = quiet;
    }
  }

  private void arm() {
    vertx.cancelTimer(timer);
    timer = -1;
    Optional<Instant> next = outbox.nextDue();
    if (next.isPresent()) {
      Duration wait = Duration.between(clock.instant(), next.get());
      timer = vertx.setTimer(clock.realDelayMillis(wait), id -> {
        timer = -1;
        deliverDue();
      });
    }
  }
}
