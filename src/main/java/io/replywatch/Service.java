package io.replywatch;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.replywatch.classify.Category;
import io.replywatch.classify.Classifier;
import io.replywatch.config.ReplywatchConfig;
import io.replywatch.config.ReplywatchConfig.Account;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.http.HttpVerticle;
import io.replywatch.ingest.CursorStore;
import io.replywatch.ingest.Platform;
import io.replywatch.ingest.PollBatch;
import io.replywatch.ingest.SourceHealth;
import io.replywatch.ingest.mastodon.MastodonPoller;
import io.replywatch.ingest.reddit.RedditPoller;
import io.replywatch.ingest.x.XPoller;
import io.replywatch.metrics.ServiceMetrics;
import io.replywatch.metrics.WaitingTable;
import io.replywatch.notify.Notifier;
import io.replywatch.notify.Notifiers;
import io.replywatch.notify.NotifyVerticle;
import io.replywatch.sla.ActivityLog;
import io.replywatch.sla.SlaEvent;
import io.replywatch.sla.SlaVerticle;
import io.replywatch.time.ServiceClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the pipeline for one configuration and starts it: SLA stage, notifiers, HTTP, then the pollers, in that
 * order, so nothing is polled before there is somewhere to put it. Used by {@code run}, {@code demo} and the
 * integration tests alike.
 */
public final class Service {
  private static final Logger LOG = LoggerFactory.getLogger(Service.class);

  /** What differs between run, demo and tests. */
  public record Options(ReplywatchConfig config, ServiceClock clock, Classifier classifier, CursorStore cursors,
      Consumer<String> activity, Consumer<String> console) {}

  private final Vertx vertx;
  private final PrometheusMeterRegistry registry;
  private final SourceHealth health;
  private final WebClient notifyClient;
  private HttpVerticle http;

  private Service(Vertx vertx, PrometheusMeterRegistry registry, SourceHealth health, WebClient notifyClient) {
    this.vertx = vertx;
    this.registry = registry;
    this.health = health;
    this.notifyClient = notifyClient;
  }

  public static Future<Service> start(Options o) {
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
    Service service = new Service(vertx, registry, new SourceHealth(), WebClient.create(vertx));
    return service.deploy(o).map(service).recover(e -> vertx.close().transform(v -> Future.failedFuture(e)));
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
    List<Notifier> support = Notifiers.of(config.alerts().support(), notifyClient, o.console());
    List<Notifier> paging = Notifiers.of(config.alerts().paging(), notifyClient, o.console());
    ActivityLog activity = new ActivityLog(o.activity(), o.clock());
    http = new HttpVerticle(config.server().host(), config.server().port(), registry, health);
    return vertx.deployVerticle(new SlaVerticle(config, o.classifier(), metrics, waiting, activity, o.clock()))
        .compose(id -> vertx.deployVerticle(new NotifyVerticle(support, paging, metrics, o.clock())))
        .compose(id -> vertx.deployVerticle(http))
        .compose(id -> deployPollers(o, metrics))
        .onSuccess(v -> LOG.info("replywatch listening on http://{}:{}", config.server().host(), http.actualPort()));
  }

  private Future<Void> deployPollers(Options o, ServiceMetrics metrics) {
    List<Future<String>> deployed = new ArrayList<>();
    for (Brand b : o.config().brands()) {
      for (Account a : b.accounts()) {
        if (a.platform() == Platform.MASTODON) {
          deployed.add(vertx.deployVerticle(new MastodonPoller(b, a, o.config().platforms().get(Platform.MASTODON),
              o.cursors(), health, metrics, o.clock())));
        } else if (a.platform() == Platform.X) {
          deployed.add(vertx.deployVerticle(new XPoller(b, a, o.config().platforms().get(a.platform()), o.cursors(),
              health, metrics, o.clock())));
        } else if (a.platform() == Platform.REDDIT) {
          deployed.add(vertx.deployVerticle(new RedditPoller(b, a, o.config().platforms().get(a.platform()),
              o.cursors(), health, metrics, o.clock())));
        } else {
          LOG.warn("no poller for platform {} in this build yet: account {} of brand {} is not watched",
              a.platform().id(), a.handle(), b.id());
          health.failing(a.platform(), a.handle(), SourceHealth.State.BLIND,
              "no poller for " + a.platform().id() + " in this build yet");
        }
      }
    }
    return Future.all(deployed).mapEmpty();
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

  public Future<Void> stop() {
    return vertx.close();
  }
}
