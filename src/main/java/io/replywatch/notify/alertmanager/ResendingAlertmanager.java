package io.replywatch.notify.alertmanager;

import io.replywatch.notify.Notifier;
import io.replywatch.sla.SlaEvent;
import io.replywatch.time.ServiceClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Alertmanager channel as its API asks to be used (alert-payloads.md §2.1): each alert is posted once through
 * the outbox, then re-posted every {@code interval} while it fires, and its resolution for five minutes, so an
 * Alertmanager that restarted still learns both. Re-posts are refreshes of state Alertmanager already has: one
 * that fails is simply sent again at the next interval.
 */
public final class ResendingAlertmanager implements Notifier {
  private static final Logger LOG = LoggerFactory.getLogger(ResendingAlertmanager.class);

  private final AlertmanagerNotifier notifier;
  private final AlertmanagerResender resender;
  private final Vertx vertx;
  private final ServiceClock clock;
  private long timer = -1;

  /** Build it on the context that will use it (the notify verticle's): its timers run there. */
  public ResendingAlertmanager(AlertmanagerNotifier notifier, Duration interval, Vertx vertx, ServiceClock clock) {
    this.notifier = notifier;
    this.resender = new AlertmanagerResender(interval);
    this.vertx = vertx;
    this.clock = clock;
    io.vertx.core.Context context = vertx.getOrCreateContext();
    clock.onJump(() -> context.runOnContext(v -> {
      vertx.cancelTimer(timer);
      resend();
    }));
  }

  @Override
  public String channel() {
    return notifier.channel();
  }

  @Override
  public java.util.Optional<Duration> refreshesResolvedFor() {
    return java.util.Optional.of(AlertmanagerResender.RESOLVED_WINDOW);
  }

  /**
   * What the outbox says reached Alertmanager before this start: its pages go on being re-posted (at once when
   * their interval has passed), so neither a restart of ours nor one of Alertmanager's loses a page.
   */
  @Override
  public void delivered(SlaEvent event, Instant at) {
    resender.sent(event, at);
    arm();
  }

  @Override
  public Future<Void> send(SlaEvent event) {
    return notifier.send(event).onSuccess(v -> {
      resender.sent(event, clock.instant());
      arm();
    });
  }

  private void arm() {
    Instant next = resender.nextDue();
    vertx.cancelTimer(timer);
    timer = -1;
    if (next != null) {
      timer = vertx.setTimer(clock.realDelayMillis(Duration.between(clock.instant(), next)), id -> resend());
    }
  }

  private void resend() {
    timer = -1;
    List<SlaEvent> due = resender.due(clock.instant());
    Future<Void> posted = due.isEmpty() ? Future.succeededFuture() : notifier.post(due);
    posted.onComplete(ar -> {
      if (ar.failed()) {
        LOG.warn("alertmanager re-send of {} alert(s) failed; trying again next interval: {}", due.size(),
            ar.cause().getMessage());
      }
      arm();
    });
  }
}
