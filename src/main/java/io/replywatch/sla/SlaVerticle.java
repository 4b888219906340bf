package io.replywatch.sla;

import io.replywatch.Addresses;
import io.replywatch.classify.Classification;
import io.replywatch.classify.Classifier;
import io.replywatch.config.ReplywatchConfig;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.ingest.Mention;
import io.replywatch.ingest.PollBatch;
import io.replywatch.ingest.Post;
import io.replywatch.metrics.ServiceMetrics;
import io.replywatch.metrics.WaitingTable;
import io.replywatch.time.ServiceClock;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Adapter around the pure {@link SlaTracker}: takes poll batches from the event bus, classifies mentions, feeds
 * the tracker in time order, and keeps exactly one Vert.x timer armed for the earliest deadline, so a warning goes
 * out within a second of its deadline, never on the next sweep.
 */
public final class SlaVerticle extends VerticleBase implements SlaListener {
  private final Map<String, Brand> brands;
  private final Classifier classifier;
  private final ServiceMetrics metrics;
  private final WaitingTable waiting;
  private final ActivityLog activity;
  private final ServiceClock clock;
  private final SlaTracker tracker;
  private long timer = -1;
  private Instant armedFor;

  public SlaVerticle(ReplywatchConfig config, Classifier classifier, ServiceMetrics metrics, WaitingTable waiting,
      ActivityLog activity, ServiceClock clock) {
    this.brands = config.brands().stream().collect(Collectors.toMap(Brand::id, Function.identity()));
    this.classifier = classifier;
    this.metrics = metrics;
    this.waiting = waiting;
    this.activity = activity;
    this.clock = clock;
    this.tracker = new SlaTracker(config.policies(), this);
  }

  @Override
  public Future<?> start() {
    clock.onJump(() -> context.runOnContext(v -> fireAndRearm()));
    return vertx.eventBus().<PollBatch>consumer(Addresses.POLL_BATCH, this::onBatch).completion();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  /** Mentions and brand posts of one cycle, in the order they were written, then whatever fell due. */
  private void onBatch(Message<PollBatch> message) {
    PollBatch batch = message.body();
    Brand brand = brands.get(batch.brand());
    List<Object> items = new ArrayList<>(batch.mentions());
    batch.brandPosts().stream().filter(p -> !brand.isAutomated(p.authorId()) && !brand.isAutomated(p.authorHandle()))
        .forEach(items::add);
    items.sort(Comparator.comparing(SlaVerticle::createdAt));
    for (Object item : items) {
      if (item instanceof Mention m) {
        Classification c = classifier.classify(m.post().text(), m.post().authorHandle());
        metrics.mention(m.brand(), m.post().platform(), c.category());
        activity.log("mention", "@" + m.post().authorHandle() + " on " + m.post().platform().displayName() + ": "
            + ActivityLog.quote(m.post().text()) + " -> " + c.category().id()
            + String.format(" (%.2f, %s)", c.confidence(), c.language()));
        tracker.onMention(m, c);
      } else {
        tracker.onBrandReply(batch.brand(), (Post) item);
      }
    }
    message.reply(null);
    fireAndRearm();
  }

  private static Instant createdAt(Object item) {
    return item instanceof Mention m ? m.post().createdAt() : ((Post) item).createdAt();
  }

  private void fireAndRearm() {
    tracker.fireDue(clock.instant());
    Instant next = tracker.nextDeadline().orElse(null);
    if (next == null || next.equals(armedFor) && timer >= 0) {
      return;
    }
    vertx.cancelTimer(timer);
    armedFor = next;
    Duration wait = Duration.between(clock.instant(), next);
    timer = vertx.setTimer(clock.realDelayMillis(wait), id -> {
      timer = -1;
      armedFor = null;
      fireAndRearm();
    });
  }

  @Override
  public void opened(Episode e) {
    waiting.open(e.id(), e.brand(), e.platform(), e.classification().category(), e.openedAt());
    if (e.policy().warning().isPresent() || e.policy().breach().isPresent()) {
      activity.log("waiting", e.id() + " " + e.classification().category().id() + ": "
          + e.policy().deadline(e.openedAt(), Level.WARNING).map(t -> "warning at " + hhmm(t)).orElse("")
          + e.policy().deadline(e.openedAt(), Level.BREACH).map(t -> ", page at " + hhmm(t)).orElse(""));
    }
  }

  @Override
  public void closed(Episode e) {
    waiting.close(e.id());
    Duration rt = e.responseTime().orElse(Duration.ZERO);
    metrics.responseTime(e.brand(), e.platform(), e.classification().category(), rt);
    activity.log("answered", e.id() + " " + e.classification().category().id() + " after " + minutes(rt)
        + (e.closeReason().filter(r -> !r.equals("replied")).map(r -> " (closed by hand: " + r + ")").orElse("")));
  }

  @Override
  public void event(SlaEvent event) {
    metrics.slaEvent(event.brand(), event.platform(), event.category(), event.level());
    String who = event.category().id() + " from @" + event.authorHandle() + " on " + event.platform().displayName();
    switch (event.level()) {
      case WARNING -> activity.log("WARNING", who + " unanswered for " + minutes(event.waited()) + " -> support");
      case BREACH -> activity.log("BREACH", who + " unanswered for " + minutes(event.waited()) + " -> support + on-call");
      case RESOLVED -> activity.log("RESOLVED", who + " answered after " + minutes(event.waited()));
    }
    vertx.eventBus().publish(Addresses.SLA_EVENT, event);
  }

  private static String minutes(Duration d) {
    return d.toMinutes() + " min";
  }

  private static String hhmm(Instant t) {
    return t.toString().substring(11, 16);
  }
}
