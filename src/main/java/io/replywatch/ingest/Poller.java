package io.replywatch.ingest;

import io.replywatch.Addresses;
import io.replywatch.config.ReplywatchConfig.Account;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.config.ReplywatchConfig.PlatformSettings;
import io.replywatch.metrics.ServiceMetrics;
import io.replywatch.metrics.ServiceMetrics.PollOutcome;
import io.replywatch.time.ServiceClock;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every platform poller shares, so each platform only says how one cycle reads its API: scheduling on the
 * service clock, the rate-limit budget (never a request between a 429 and its reset), backoff with jitter on
 * failures, source health and metrics, and handing one {@link PollBatch} per cycle to the SLA stage with the
 * cursors stored only after the batch was taken. A failed cycle stores nothing, so the next one reads the same
 * posts again: nothing is lost and nothing is handed on twice.
 */
public abstract class Poller extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(Poller.class);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  /**
   * What one cycle read: mentions and the brand's own posts up to the same moment, oldest first, and the cursors
   * (endpoint to value) to store once they were handed on.
   */
  public record Cycle(List<Post> mentions, List<Post> brandPosts, Map<String, String> cursors) {}

  protected final Platform platform;
  protected final Brand brand;
  protected final Account account;
  protected final PlatformSettings settings;
  protected final CursorStore cursors;
  protected final ServiceClock clock;
  private final SourceHealth health;
  private final ServiceMetrics metrics;
  private final RecentIds handedOn = new RecentIds(10_000);
  private WebClient webClient;
  private RateBudget rate;
  private int failures;
  private long timer = -1;
  private Instant nextDue;
  private boolean polling;
  private boolean stopped;
  private Runnable stopJumps = () -> { };

  protected Poller(Platform platform, Brand brand, Account account, PlatformSettings settings, CursorStore cursors,
      SourceHealth health, ServiceMetrics metrics, ServiceClock clock) {
    this.platform = platform;
    this.brand = brand;
    this.account = account;
    this.settings = settings;
    this.cursors = cursors;
    this.health = health;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Builds the platform client on the verticle's own {@link WebClient} (kept in a field: Vert.x 5 closes strays). */
  protected abstract void init(WebClient client);

  /** Reads one cycle; every request goes through {@link #request}. */
  protected abstract Future<Cycle> cycle(Instant now);

  @Override
  public Future<?> start() {
    webClient = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(5_000).setUserAgent("replywatch"));
    init(webClient);
    rate = new RateBudget(cursors, platform, account.handle(), clock.instant());
    metrics.initSource(platform, account.handle());
    health.starting(platform, account.handle());
    stopJumps = clock.onJump(() -> {
      if (!stopped) {
        context.runOnContext(v -> pollSoon());
      }
    });
    pollSoon();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    stopJumps.run();
    vertx.cancelTimer(timer);
    if (webClient != null) {
      webClient.close();
    }
    return Future.succeededFuture();
  }

  /** The brand account's id as the platform writes it on posts; Bluesky learns its DID from the session. */
  protected String brandId() {
    return account.id();
  }

  /** The stored cursor of one endpoint of this account. */
  protected Optional<String> cursor(String endpoint) {
    return cursors.get(platform, account.handle(), endpoint);
  }

  /**
   * One request inside the budget: when the window is spent (or a 429 said wait), fail without sending, so the
   * cycle ends and the poller waits for the reset rather than earn a 429.
   */
  protected <T> Future<T> request(Supplier<Future<ApiPage<T>>> call) {
    if (stopped) {
      return Future.failedFuture(new PollException(PollException.Kind.TRANSIENT, "poller stopped", Optional.empty()));
    }
    if (rate.spent(clock.instant())) {
      return Future.failedFuture(new PollException(PollException.Kind.RATE_LIMITED,
          "rate-limit budget spent, waiting for the reset", Optional.of(rate.reset())));
    }
    return call.get()
        .onSuccess(page -> {
          rate.update(page.rateLimit());
          page.rateLimit().remaining().ifPresent(r -> metrics.rateLimitRemaining(platform, account.handle(), r));
          metrics.poll(platform, account.handle(), PollOutcome.OK);
        })
        .onFailure(e -> {
          boolean limited = e instanceof PollException p && p.kind() == PollException.Kind.RATE_LIMITED;
          if (limited) {
            rate.limited(((PollException) e).retryAt().orElse(clock.instant().plus(settings.pollInterval())));
          }
          metrics.poll(platform, account.handle(), limited ? PollOutcome.RATE_LIMITED : PollOutcome.ERROR);
        })
        .map(ApiPage::value);
  }

  /**
   * At start, and whenever the clock jumps (tests): re-arm the timer for the instant the next poll is due (now at
   * start), never before the rate-limit reset. A running cycle re-arms itself when it ends, counted from its start.
   */
  private void pollSoon() {
    if (polling || stopped) {
      return;
    }
    scheduleAt(rate.notBefore(nextDue == null ? clock.instant() : nextDue));
  }

  private void scheduleAt(Instant due) {
    nextDue = due;
    vertx.cancelTimer(timer);
    if (!stopped) {
      Duration wait = Duration.between(clock.instant(), due);
      timer = vertx.setTimer(clock.realDelayMillis(wait.isNegative() ? Duration.ZERO : wait), id -> poll());
    }
  }

  private void poll() {
    if (polling || stopped) {
      return;
    }
    polling = true;
    Instant cycleStart = clock.instant();
    Future<Cycle> read;
    try {
      read = cycle(cycleStart);
    } catch (RuntimeException e) {
      read = Future.failedFuture(e);
    }
    read.compose(c -> handOn(c, cycleStart)).onComplete(done -> {
      polling = false;
      if (stopped) {
        return;
      }
      if (done.succeeded()) {
        succeeded(cycleStart);
      } else {
        failed(done.cause(), cycleStart);
      }
    });
  }

  private Future<Void> handOn(Cycle cycle, Instant receivedAt) {
    Set<String> seen = new HashSet<>();
    List<Mention> found = cycle.mentions().stream()
        .filter(p -> !p.authorId().equals(brandId()) && !handedOn.contains(p.id()) && seen.add(p.id()))
        .map(p -> new Mention(brand.id(), account.handle(), p, receivedAt))
        .toList();
    List<Post> own = cycle.brandPosts().stream()
        .filter(p -> p.authorId().equals(brandId()) && !handedOn.contains(p.id()) && seen.add(p.id())).toList();
    PollBatch batch = new PollBatch(brand.id(), platform, account.handle(), found, own);
    Future<?> taken = batch.isEmpty() ? Future.succeededFuture() : vertx.eventBus().request(Addresses.POLL_BATCH, batch);
    return taken.map(ok -> {
      found.forEach(m -> {
        handedOn.add(m.post().id());
        metrics.ingestLag(platform, Duration.between(m.post().createdAt(), receivedAt));
      });
      own.forEach(p -> handedOn.add(p.id()));
      // Stored even when stopping meanwhile: the batch was taken, so a restart must not hand it on again.
      cycle.cursors().forEach((endpoint, value) -> cursors.put(platform, account.handle(), endpoint, value));
      return null;
    });
  }

  /** The next cycle is due one interval after this one started, or at the reset when the window is spent. */
  private void succeeded(Instant cycleStart) {
    failures = 0;
    health.ok(platform, account.handle(), cycleStart);
    metrics.lastSuccess(platform, account.handle(), cycleStart);
    scheduleAt(rate.notBefore(cycleStart.plus(settings.pollInterval())));
  }

  /** Backs off from the failed cycle's start (a 429 waits for its reset); the timer survives every failure. */
  private void failed(Throwable cause, Instant cycleStart) {
    failures++;
    PollException.Kind kind = cause instanceof PollException p ? p.kind() : PollException.Kind.TRANSIENT;
    String detail = (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage())
        .replaceAll("[\\r\\n]", " ");
    Duration delay = backoff();
    switch (kind) {
      case RATE_LIMITED -> {
        delay = Duration.between(clock.instant(), rate.reset());
        health.failing(platform, account.handle(), SourceHealth.State.FAILING, "rate limited until " + rate.reset());
      }
      case AUTH -> health.failing(platform, account.handle(), SourceHealth.State.BLIND,
          "token rejected (" + detail + "): fix the token; no mentions are seen until then");
      default -> health.failing(platform, account.handle(), SourceHealth.State.FAILING, detail);
    }
    LOG.warn("poll failed: platform={} account={} kind={} retry_in={}s: {}", platform.id(), account.handle(), kind,
        delay.toSeconds(), detail);
    scheduleAt(kind == PollException.Kind.RATE_LIMITED ? rate.reset() : cycleStart.plus(delay));
  }

  /** Exponential backoff with jitter: interval × 2^(failures−1), capped at five minutes. */
  private Duration backoff() {
    long base = settings.pollInterval().toMillis() << Math.min(10, failures - 1);
    long capped = Math.min(base, MAX_BACKOFF.toMillis());
    long jitter = (long) (capped * 0.2 * Math.random());
    return Duration.ofMillis(capped + jitter);
  }
}
