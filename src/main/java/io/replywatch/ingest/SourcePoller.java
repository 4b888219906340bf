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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll loop every platform shares, so each platform's poller only says what one cycle reads: scheduling inside
 * the rate-limit budget, one {@link PollBatch} per cycle handed to the SLA stage, cursors stored only after the
 * batch was taken, backoff on failure, health and metrics. A failure never stops the loop or loses a cursor.
 */
public abstract class SourcePoller extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(SourcePoller.class);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  /** What one cycle read: customer posts (mentions), the brand's own posts, and the cursors to store after. */
  public record Cycle(List<Post> mentions, List<Post> brandPosts, Map<String, String> cursors) {}

  protected final Platform platform;
  protected final Brand brand;
  protected final Account account;
  protected final PlatformSettings settings;
  protected final ServiceClock clock;
  private final CursorStore cursors;
  private final SourceHealth health;
  private final ServiceMetrics metrics;
  private final Budget budget = new Budget();
  private WebClient webClient;
  private int failures;
  private int requestsThisCycle;
  private long timer = -1;
  private boolean polling;
  private volatile boolean stopped;
  private volatile long settled;

  protected SourcePoller(Platform platform, Brand brand, Account account, PlatformSettings settings,
      CursorStore cursors, SourceHealth health, ServiceMetrics metrics, ServiceClock clock) {
    this.platform = platform;
    this.brand = brand;
    this.account = account;
    this.settings = settings;
    this.cursors = cursors;
    this.health = health;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Builds the platform client over the poller's one {@link WebClient}. */
  protected abstract void open(WebClient client);

  /** The User-Agent a platform wants to see; Reddit throttles generic ones. */
  protected String userAgent() {
    return "replywatch/0.1";
  }

  /** Reads one cycle: mentions first, then the brand's own posts up to the same moment. */
  protected abstract Future<Cycle> cycle(Instant now);

  @Override
  public Future<?> start() {
    webClient = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(5_000).setUserAgent(userAgent()));
    open(webClient);
    metrics.initSource(platform, account.handle());
    health.starting(platform, account.handle());
    clock.onJump(() -> context.runOnContext(v -> pollSoon()));
    schedule(Duration.ZERO);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(timer);
    if (webClient != null) {
      webClient.close();
    }
    return Future.succeededFuture();
  }

  /** Cycles finished (or jumps that found the budget spent); tests wait on it instead of sleeping. */
  public long settled() {
    return settled;
  }

  /** The stored cursor of one endpoint of this account. */
  protected Optional<String> cursor(String endpoint) {
    return cursors.get(platform, account.handle(), endpoint);
  }

  /**
   * One request inside the budget of {@code bucket} (a platform's rate-limit scope). When the window is spent, or a
   * 429 said wait, the request is not sent and the cycle waits for the reset instead of earning a 429.
   */
  protected <T> Future<T> request(String bucket, Supplier<Future<ApiPage<T>>> call) {
    Instant now = clock.instant();
    Optional<Instant> until = budget.blocked(bucket, now);
    if (until.isPresent()) {
      return Future.failedFuture(new BudgetWait(until.get()));
    }
    requestsThisCycle++;
    return call.get()
        .onSuccess(page -> {
          budget.update(bucket, page.rateLimit());
          page.rateLimit().remaining().ifPresent(r -> metrics.rateLimitRemaining(platform, account.handle(), r));
          metrics.poll(platform, account.handle(), PollOutcome.OK);
        })
        .onFailure(e -> metrics.poll(platform, account.handle(), isRateLimited(e)
            ? PollOutcome.RATE_LIMITED : PollOutcome.ERROR))
        .map(ApiPage::value);
  }

  private void pollSoon() {
    if (polling || stopped) {
      return;
    }
    Duration wait = budget.waitFor(2, clock.instant());
    if (!wait.isZero()) {
      settled++;
    }
    schedule(wait);
  }

  private void schedule(Duration delay) {
    vertx.cancelTimer(timer);
    timer = vertx.setTimer(clock.realDelayMillis(delay), id -> poll());
  }

  private void poll() {
    if (polling || stopped) {
      return;
    }
    polling = true;
    requestsThisCycle = 0;
    Instant start = clock.instant();
    cycle(start).compose(c -> handOn(c, start)).onComplete(done -> {
      polling = false;
      if (stopped) {
        return;
      }
      if (done.succeeded()) {
        succeeded(start);
      } else {
        failed(done.cause());
      }
      settled++;
    });
  }

  private Future<Void> handOn(Cycle c, Instant receivedAt) {
    Map<String, Mention> found = new LinkedHashMap<>();
    for (Post p : c.mentions()) {
      if (!isBrand(p)) {
        found.putIfAbsent(p.id(), new Mention(brand.id(), account.handle(), p, receivedAt));
      }
    }
    found.values().forEach(m -> metrics.ingestLag(platform, Duration.between(m.post().createdAt(), receivedAt)));
    List<Post> own = c.brandPosts().stream().filter(this::isBrand).toList();
    PollBatch batch = new PollBatch(brand.id(), platform, account.handle(), List.copyOf(found.values()), own);
    Future<?> taken = batch.isEmpty() ? Future.succeededFuture() : vertx.eventBus().request(Addresses.POLL_BATCH, batch);
    return taken.map(ok -> {
      c.cursors().forEach((endpoint, cursor) -> cursors.put(platform, account.handle(), endpoint, cursor));
      return null;
    });
  }

  /** Whether the brand account wrote {@code p}: by id, or by handle where a platform has no stable author id. */
  protected boolean isBrand(Post p) {
    return p.authorId().equals(account.id()) || p.authorHandle().equalsIgnoreCase(account.handle());
  }

  private void succeeded(Instant at) {
    failures = 0;
    health.ok(platform, account.handle(), at);
    metrics.lastSuccess(platform, account.handle(), at);
    Duration delay = settings.pollInterval();
    Duration pace = budget.pace(requestsThisCycle, clock.instant());
    schedule(pace.compareTo(delay) > 0 ? pace : delay);
  }

  private void failed(Throwable cause) {
    if (cause instanceof BudgetWait wait) {
      // Not a failure: the budget ran out mid-cycle; nothing was sent, so health and backoff stay as they are.
      LOG.info("rate-limit budget spent: platform={} account={} waiting until {}", platform.id(), account.handle(),
          wait.retryAt().orElseThrow());
      schedule(Duration.between(clock.instant(), wait.retryAt().orElseThrow()));
      return;
    }
    failures++;
    PollException.Kind kind = cause instanceof PollException p ? p.kind() : PollException.Kind.TRANSIENT;
    String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    Duration delay = backoff();
    switch (kind) {
      case RATE_LIMITED -> {
        Instant retryAt = ((PollException) cause).retryAt().orElse(clock.instant().plus(settings.pollInterval()));
        Instant until = budget.block(retryAt);
        delay = Duration.between(clock.instant(), until);
        health.failing(platform, account.handle(), SourceHealth.State.FAILING, "rate limited until " + until);
      }
      case AUTH -> health.failing(platform, account.handle(), SourceHealth.State.BLIND,
          "token rejected (" + detail + "): fix the credentials; no mentions are seen until then");
      default -> health.failing(platform, account.handle(), SourceHealth.State.FAILING, detail);
    }
    LOG.warn("poll failed: platform={} account={} kind={} retry_in={}s: {}", platform.id(), account.handle(), kind,
        delay.toSeconds(), detail.replaceAll("[\\r\\n]", " "));
    schedule(delay);
  }

  private static boolean isRateLimited(Throwable e) {
    return e instanceof PollException p && p.kind() == PollException.Kind.RATE_LIMITED;
  }

  /** Exponential backoff with jitter: interval × 2^(failures−1), capped at five minutes. */
  private Duration backoff() {
    long base = settings.pollInterval().toMillis() << Math.min(10, failures - 1);
    long capped = Math.min(base, MAX_BACKOFF.toMillis());
    return Duration.ofMillis(capped + (long) (capped * 0.2 * Math.random()));
  }

  /** The cycle stopped before a request the budget has no room for; it resumes at the reset. */
  private static final class BudgetWait extends PollException {
    BudgetWait(Instant until) {
      super(Kind.RATE_LIMITED, "rate-limit budget spent, waiting for the reset", Optional.of(until));
    }
  }
}
