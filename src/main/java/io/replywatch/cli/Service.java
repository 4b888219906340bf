package io.replywatch.cli;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.replywatch.bus.LocalCodec;
import io.replywatch.classify.Category;
import io.replywatch.classify.Classifier;
import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig;
import io.replywatch.config.ReplywatchConfig.Account;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.config.ReplywatchConfig.PlatformSettings;
import io.replywatch.http.HttpVerticle;
import io.replywatch.ingest.CursorStore;
import io.replywatch.ingest.OpenEpisodes;
import io.replywatch.ingest.PollBatch;
import io.replywatch.ingest.Poller;
import io.replywatch.ingest.RejectedStore;
import io.replywatch.ingest.SourceHealth;
import io.replywatch.ingest.bluesky.BlueskyPoller;
import io.replywatch.ingest.mastodon.MastodonPoller;
import io.replywatch.ingest.reddit.RedditPoller;
import io.replywatch.ingest.x.XPoller;
import io.replywatch.metrics.ServiceMetrics;
import io.replywatch.notify.NotifyVerticle;
import io.replywatch.sla.ActivityLog;
import io.replywatch.sla.SlaEvent;
import io.replywatch.sla.SlaPolicy;
import io.replywatch.sla.SlaVerticle;
import io.replywatch.sla.WaitingTable;
import io.replywatch.store.ApiQueries;
import io.replywatch.store.Database;
import io.replywatch.store.SqliteCursorStore;
import io.replywatch.store.SqliteOpenEpisodes;
import io.replywatch.store.SqliteOutbox;
import io.replywatch.store.SqliteRejectedStore;
import io.replywatch.store.SqliteSlaStore;
import io.replywatch.time.ServiceClock;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the pipeline for one configuration and starts it: notifiers, SLA stage, HTTP, then the pollers, in that
 * order, so nothing fires before it can be sent and nothing is polled before there is somewhere to put it. Used by {@code run}, {@code demo} and the
 * integration tests alike.
 */
public final class Service {
  private static final Logger LOG = LoggerFactory.getLogger(Service.class);

  /**
   * What differs between run, demo and tests.
   *
   * @param cursors where poll cursors live; null for the store's own table (what run and demo use)
   */
  public record Options(ReplywatchConfig config, ServiceClock clock, Classifier classifier, CursorStore cursors,
      Consumer<String> activity, Consumer<String> console) {}

  private final Vertx vertx;
  private final PrometheusMeterRegistry registry;
  private final SourceHealth health;
  private final Database database;
  private final CursorStore cursors;
  private final RejectedStore rejected;
  private HttpVerticle http;

  private Service(Vertx vertx, PrometheusMeterRegistry registry, SourceHealth health, Database database,
      CursorStore cursors) {
    this.vertx = vertx;
    this.database = database;
    this.cursors = cursors != null ? cursors : new SqliteCursorStore(database);
    this.rejected = new SqliteRejectedStore(database);
    this.registry = registry;
    this.health = health;
  }

  /** Opens the store first: a bad or too-new store file fails here, before anything listens or polls. */
  public static Future<Service> start(Options o) {
    Database database = Database.open(java.nio.file.Path.of(o.config().storage().path()));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
    new JvmMemoryMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    LocalCodec.register(vertx, PollBatch.class);
    LocalCodec.register(vertx, SlaEvent.class);
    Service service = new Service(vertx, registry, new SourceHealth(), database, o.cursors());
    Promise<Service> started = Promise.promise();
    service.deploy(o).onComplete(deployed -> {
      if (deployed.succeeded()) {
        started.complete(service);
        return;
      }
      // Stop from a thread of our own: closing Vert.x ends this event loop, and a callback queued on it would never
      // run, so the caller would wait for ever instead of hearing why the start failed (a port in use, say).
      new Thread(() -> service.stop().onComplete(stopped -> started.fail(deployed.cause())), "replywatch-start-failed")
          .start();
    });
    return started.future();
  }

  private Future<Void> deploy(Options o) {
    ReplywatchConfig config = o.config();
    ServiceMetrics metrics = new ServiceMetrics(registry);
    WaitingTable waiting = new WaitingTable(o.clock());
    for (Brand b : config.brands()) {
      for (Platform p : platformsOf(b)) {
        metrics.initBrand(b.id(), p);
        for (Category c : Category.values()) {
          metrics.waitingGauge(b.id(), p, c, waiting);
        }
      }
    }
    Notifiers.Context channels = new Notifiers.Context(vertx, o.clock(), o.console());
    ActivityLog activity = new ActivityLog(o.activity(), o.clock());
    http = new HttpVerticle(config.server().host(), config.server().port(), registry, health,
        new ApiQueries(database, o.clock(), config.policies()));
    SlaVerticle sla = new SlaVerticle(config, o.classifier(), metrics, waiting, activity, o.clock(), new SqliteSlaStore(database));
    // Notifiers first: the SLA stage may fire deadlines that passed while the service was down as it starts.
    NotifyVerticle notify = new NotifyVerticle(config.alerts(), c -> Notifiers.of(c, channels), new SqliteOutbox(database),
        metrics, o.clock());
    return vertx.deployVerticle(notify, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER))
        .compose(id -> vertx.deployVerticle(sla, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)))
        .compose(id -> vertx.deployVerticle(http))
        .compose(id -> deployPollers(o, metrics))
        .onSuccess(v -> LOG.info("replywatch listening on http://{}:{}", config.server().host(), http.actualPort()));
  }

  private Future<Void> deployPollers(Options o, ServiceMetrics metrics) {
    List<Future<String>> deployed = new ArrayList<>();
    OpenEpisodes episodes = new SqliteOpenEpisodes(database, (brand, platform) -> alerting(o.config(), brand, platform));
    for (Brand b : o.config().brands()) {
      for (Account a : b.accounts()) {
        deployed.add(vertx.deployVerticle(poller(b, a, o, metrics, episodes)));
      }
    }
    return Future.all(deployed).mapEmpty();
  }

  /** One poller verticle per brand account, of its platform's kind, watching its open episodes for deleted posts. */
  private io.vertx.core.Deployable poller(Brand b, Account a, Options o, ServiceMetrics metrics,
      OpenEpisodes episodes) {
    PlatformSettings settings = o.config().platforms().get(a.platform());
    Poller poller = switch (a.platform()) {
      case MASTODON -> new MastodonPoller(b, a, settings, cursors, rejected, health, metrics, o.clock());
      case BLUESKY -> new BlueskyPoller(b, a, settings, cursors, rejected, health, metrics, o.clock());
      case X -> new XPoller(b, a, settings, cursors, rejected, health, metrics, o.clock());
      case REDDIT -> new RedditPoller(b, a, settings, cursors, rejected, health, metrics, o.clock());
    };
    return poller.watchDeletions(episodes);
  }

  /** The categories whose policy has a target for {@code brand} on {@code platform}: the episodes that alert. */
  static Set<Category> alerting(ReplywatchConfig config, String brand, Platform platform) {
    Set<Category> out = EnumSet.noneOf(Category.class);
    for (Category c : Category.values()) {
      if (SlaPolicy.resolve(config.policies(), brand, platform, c).hasTargets()) {
        out.add(c);
      }
    }
    return out;
  }

  private static List<Platform> platformsOf(Brand b) {
    return b.accounts().stream().map(Account::platform).distinct().toList();
  }

  public int port() {
    return http.actualPort();
  }

  public Vertx vertx() {
    return vertx;
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public SourceHealth health() {
    return health;
  }

  /** Closes Vert.x first, so no verticle writes while the store closes. */
  public Future<Void> stop() {
    return vertx.close().eventually(() -> {
      database.close();
      return Future.succeededFuture();
    });
  }
}
