package io.replywatch.sla;

import io.replywatch.bus.Addresses;
import io.replywatch.classify.Classification;
import io.replywatch.classify.Classifier;
import io.replywatch.config.ReplywatchConfig;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.ingest.Mention;
import io.replywatch.ingest.PollBatch;
import io.replywatch.ingest.Post;
import io.replywatch.time.ServiceClock;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
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
 * the tracker in time order, keeps exactly one Vert.x timer armed for the earliest deadline, and makes every
 * change durable. Deploy it as a worker verticle: its store writes block, and Vert.x runs it on one thread at a
 * time. Each event and its outbox rows commit in one transaction; the notifiers are told only after it.
 */
public final class SlaVerticle extends VerticleBase {
  private final ReplywatchConfig config;
  private final Map<String, Brand> brands;
  private final Classifier classifier;
  private final ServiceClock clock;
  private final SlaStore store;
  private final Recorder recorder;
  private final SlaTracker tracker;
  private long timer = -1;
  private Runnable stopJumps = () -> { };
  private Instant armedFor;

  public SlaVerticle(ReplywatchConfig config, Classifier classifier, SlaMetrics metrics, WaitingTable waiting,
      ActivityLog activity, ServiceClock clock, SlaStore store) {
    this.config = config;
    this.brands = config.brands().stream().collect(Collectors.toMap(Brand::id, Function.identity()));
    this.classifier = classifier;
    this.clock = clock;
    this.store = store;
    this.recorder = new Recorder(store, metrics, waiting, activity, config.alerts(), clock);
    Map<String, Duration> settles = new java.util.HashMap<>();
    for (Brand b : config.brands()) {
      for (io.replywatch.config.Platform p : io.replywatch.config.Platform.values()) {
        settles.put(b.id() + "/" + p.id(), settle(config, b, p));
      }
    }
    // Looked up per mention: worked out once here, not per mention from the config.
    this.tracker = new SlaTracker(config.policies(), recorder,
        (brand, platform) -> settles.getOrDefault(brand + "/" + platform.id(), Duration.ZERO));
  }

  /** Slack beyond one poll interval for the brand's other pollers on the platform to finish a cycle. */
  static final Duration SETTLE_SLACK = Duration.ofSeconds(15);

  /**
   * How long a mention's deadlines wait at least after it was read ({@link SlaTracker}): where the brand has two or
   * more accounts on the platform, one poll interval and {@link #SETTLE_SLACK}, so every account's poller has read
   * once and a reply by another account closes the episode before it alerts; otherwise nothing.
   */
  static Duration settle(ReplywatchConfig config, Brand b, io.replywatch.config.Platform platform) {
    ReplywatchConfig.PlatformSettings settings = config.platforms().get(platform);
    if (settings == null || b.accounts().stream().filter(a -> a.platform() == platform).count() < 2) {
      return Duration.ZERO;
    }
    return settings.pollInterval().plus(SETTLE_SLACK);
  }

  @Override
  public Future<?> start() {
    recover();
    stopJumps = clock.onJump(() -> context.runOnContext(v -> fireAndRearm()));
    return Future.all(
            vertx.eventBus().<PollBatch>consumer(Addresses.POLL_BATCH, this::onBatch).completion(),
            vertx.eventBus().<JsonObject>consumer(Addresses.CLOSE_EPISODE, this::onClose).completion())
        .onSuccess(v -> fireAndRearm());
  }

  @Override
  public Future<?> stop() {
    stopJumps.run();
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  /**
   * Rebuilds the open episodes, recent conversations and replies waiting for their parent from the store; the
   * episodes' deadlines are queued again.
   */
  private void recover() {
    Instant since = clock.instant().minus(Duration.ofDays(7));
    store.postsSince(since).forEach(p ->
        tracker.rememberPost(p.brand(), p.platform(), p.id(), p.conversation(), p.customerId(), p.createdAt()));
    // Replies still waiting for their parent: the week that posts are kept for, so the table stays bounded.
    store.inTransaction(() -> store.forgetPendingRepliesBefore(since));
    store.pendingRepliesSince(since).forEach(tracker::restorePendingReply);
    List<SlaStore.OpenEpisode> open = store.openEpisodes();
    open.stream().filter(SlaStore.OpenEpisode::breachFired).forEach(o -> recorder.paged(o.opening().key()));
    recorder.quietly(() -> open.forEach(o -> tracker.restore(restored(o))));
    if (!open.isEmpty()) {
      recorder.activity().log("restored", open.size() + " open episode(s) from " + "the store");
    }
  }

  /** An open episode as it was: escalated by a follow-up, it takes that follow-up's classification and policy again. */
  private Episode restored(SlaStore.OpenEpisode o) {
    Episode e = Episode.restored(o.opening(), o.classification(), o.conversation(), policy(o.opening(),
        o.classification()), o.first(), o.messageIds(), o.messageTimes(), o.followUps(), fired(o));
    o.escalation().ifPresent(x -> e.escalate(x, policy(o.opening(), x.classification())));
    return e;
  }

  private SlaPolicy policy(Mention opening, Classification c) {
    return SlaPolicy.resolve(config.policies(), opening.brand(), opening.post().platform(), c.category());
  }

  private static java.util.Set<Level> fired(SlaStore.OpenEpisode o) {
    java.util.Set<Level> fired = java.util.EnumSet.noneOf(Level.class);
    if (o.warningFired()) {
      fired.add(Level.WARNING);
    }
    if (o.breachFired()) {
      fired.add(Level.BREACH);
    }
    return fired;
  }

  /** Mentions and brand posts of one cycle, in the order they were written, then whatever fell due. */
  private void onBatch(Message<PollBatch> message) {
    PollBatch batch = message.body();
    Brand brand = brands.get(batch.brand());
    List<Object> items = new ArrayList<>();
    List<Post> brandPosts = new ArrayList<>(batch.brandPosts());
    for (Mention m : batch.mentions()) {
      // A poller knows only its own account: a post by the brand's other account on that platform (AcmeCare
      // writing to @AcmeHelp) is the brand's, not a customer's, and must not open an episode.
      if (brand.wrote(m.post().platform(), m.post().authorId(), m.post().authorHandle())) {
        brandPosts.add(m.post());
      } else {
        items.add(m);
      }
    }
    items.addAll(countedReplies(brand, brandPosts));
    items.sort(Comparator.comparing(SlaVerticle::createdAt));
    try {
      store.inTransaction(() -> {
        for (Object item : items) {
          if (item instanceof Mention m) {
            Classification c = classifier.classify(m.post().text(), m.post().authorHandle());
            store.saveMention(m, c);
            recorder.mention(m, c);
            tracker.onMention(m, c);
          } else {
            tracker.onBrandReply(batch.brand(), (Post) item);
          }
        }
        tracker.fireDue(clock.instant());
      });
    } catch (RuntimeException e) {
      recorder.discard();
      message.fail(500, "store failed: " + e.getMessage());
      return;
    }
    message.reply(null);
    publishCommitted();
    rearm(); // the batch's own transaction already fired what fell due
  }

  /** The brand's posts that count as replies: not those of its automated accounts (auto-responders, bots). */
  static List<Post> countedReplies(Brand brand, List<Post> posts) {
    return posts.stream().filter(p -> !brand.isAutomated(p.authorId()) && !brand.isAutomated(p.authorHandle())).toList();
  }

  private void onClose(Message<JsonObject> message) {
    String id = message.body().getString("id");
    String reason = message.body().getString("reason");
    List<Episode> closed = new ArrayList<>();
    store.inTransaction(() -> tracker.closeByHand(id, reason, clock.instant()).ifPresent(closed::add));
    publishCommitted();
    if (closed.isEmpty()) {
      message.fail(404, "no open episode " + id);
    } else {
      Episode e = closed.get(0);
      message.reply(new JsonObject().put("id", e.id()).put("state", "closed").put("reason", reason)
          .put("closedAt", e.closedAt().map(Object::toString).orElse(null))
          .put("responseSeconds", e.responseTime().map(Duration::toSeconds).orElse(null)));
    }
    rearm(); // its deadlines left the queue; nothing new fell due
  }

  private static Instant createdAt(Object item) {
    return item instanceof Mention m ? m.post().createdAt() : ((Post) item).createdAt();
  }

  /** Tells the notifiers that committed outbox rows wait (the rows, not the message, are what gets sent). */
  private void publishCommitted() {
    recorder.drain().forEach(event -> vertx.eventBus().publish(Addresses.SLA_EVENT, event));
  }

  private void fireAndRearm() {
    store.inTransaction(() -> tracker.fireDue(clock.instant()));
    publishCommitted();
    rearm();
  }

  /** Keeps the one timer armed for the earliest deadline; leaves it alone when that has not changed. */
  private void rearm() {
    Instant next = tracker.nextDeadline().orElse(null);
    if (next == null || next.equals(armedFor) && timer >= 0) {
      return;
    }
    vertx.cancelTimer(timer);
    armedFor = next;
    timer = vertx.setTimer(clock.realDelayMillis(Duration.between(clock.instant(), next)), id -> {
      timer = -1;
      armedFor = null;
      fireAndRearm();
    });
  }
}
