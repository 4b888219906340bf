package io.replywatch.ingest.mastodon;

import io.replywatch.Addresses;
import io.replywatch.config.ReplywatchConfig.Account;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.config.ReplywatchConfig.PlatformSettings;
import io.replywatch.ingest.CursorStore;
import io.replywatch.ingest.Mention;
import io.replywatch.ingest.Paging;
import io.replywatch.ingest.Paging.Fetched;
import io.replywatch.ingest.Platform;
import io.replywatch.ingest.PollBatch;
import io.replywatch.ingest.PollException;
import io.replywatch.ingest.Post;
import io.replywatch.ingest.RateLimit;
import io.replywatch.ingest.SourceHealth;
import io.replywatch.ingest.mastodon.MastodonParser.Notification;
import io.replywatch.metrics.ServiceMetrics;
import io.replywatch.metrics.ServiceMetrics.PollOutcome;
import io.replywatch.time.ServiceClock;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one brand's Mastodon account (social-apis.md §2): mention notifications forward from a durable
 * {@code min_id} cursor, then the brand's own statuses up to the same moment, and hands both to the SLA stage as
 * one {@link PollBatch}. Cursors advance only after the batch was taken. Failures are counted and retried with
 * backoff; a 429 waits for the reset; a poll error never stops the poller.
 */
public final class MastodonPoller extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(MastodonPoller.class);
  private static final int NOTIFICATION_LIMIT = 80;
  private static final int STATUS_LIMIT = 40;
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  private final Brand brand;
  private final Account account;
  private final PlatformSettings settings;
  private final CursorStore cursors;
  private final SourceHealth health;
  private final ServiceMetrics metrics;
  private final ServiceClock clock;
  private WebClient webClient;
  private MastodonClient client;
  private RateLimit rate;
  private int failures;
  private long timer = -1;
  private Runnable stopJumps = () -> { };
  private boolean polling;
  private boolean jumpedWhilePolling;

  public MastodonPoller(Brand brand, Account account, PlatformSettings settings, CursorStore cursors,
      SourceHealth health, ServiceMetrics metrics, ServiceClock clock) {
    this.brand = brand;
    this.account = account;
    this.settings = settings;
    this.cursors = cursors;
    this.health = health;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    webClient = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(5_000).setUserAgent("replywatch"));
    client = new MastodonClient(webClient, settings.baseUrl(), account.token(), clock);
    rate = RateLimit.unknown(clock.instant());
    metrics.initSource(Platform.MASTODON, account.handle());
    health.starting(Platform.MASTODON, account.handle());
    stopJumps = clock.onJump(() -> context.runOnContext(v -> pollSoon()));
    schedule(Duration.ZERO);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopJumps.run();
    vertx.cancelTimer(timer);
    if (webClient != null) {
      webClient.close();
    }
    return Future.succeededFuture();
  }

  /** The clock jumped (tests): look now, unless a cycle runs or the rate-limit window says wait. */
  private void pollSoon() {
    if (polling) {
      jumpedWhilePolling = true;
      return;
    }
    Instant now = clock.instant();
    schedule(rate.exhausted(2) && now.isBefore(rate.reset()) ? Duration.between(now, rate.reset()) : Duration.ZERO);
  }

  private void schedule(Duration delay) {
    vertx.cancelTimer(timer);
    timer = vertx.setTimer(clock.realDelayMillis(delay), id -> poll());
  }

  private void poll() {
    if (polling) {
      return;
    }
    polling = true;
    Instant cycleStart = clock.instant();
    Future<Fetched<Notification>> mentions = read("notifications", client::notifications, NOTIFICATION_LIMIT,
        Notification::id, n -> n.status().createdAt());
    mentions.compose(m -> read("statuses", q -> client.statuses(account.id(), q), STATUS_LIMIT, Post::id,
            Post::createdAt).compose(s -> handOn(m, s, cycleStart)))
        .onComplete(done -> {
          polling = false;
          if (done.succeeded()) {
            succeeded(cycleStart);
          } else {
            failed(done.cause());
          }
          if (jumpedWhilePolling) {
            jumpedWhilePolling = false;
            pollSoon();
          }
        });
  }

  private <T> Future<Fetched<T>> read(String endpoint, java.util.function.Function<Map<String, String>,
      Future<MastodonClient.Page<T>>> call, int limit, java.util.function.Function<T, String> idOf,
      java.util.function.Function<T, Instant> createdAt) {
    Paging.PageFetch<T> fetch = query -> request(call, query);
    Optional<String> cursor = cursors.get(Platform.MASTODON, account.handle(), endpoint);
    return cursor.isPresent()
        ? Paging.forward(fetch, cursor.get(), limit, idOf)
        : Paging.backfill(fetch, clock.instant().minus(settings.backfill()), limit, idOf, createdAt);
  }

  /** One request inside the budget: when the window is spent, wait for its reset rather than earn a 429. */
  private <T> Future<List<T>> request(java.util.function.Function<Map<String, String>,
      Future<MastodonClient.Page<T>>> call, Map<String, String> query) {
    if (rate.exhausted(1) && clock.instant().isBefore(rate.reset())) {
      return Future.failedFuture(new PollException(PollException.Kind.RATE_LIMITED,
          "rate-limit budget spent, waiting for the reset", Optional.of(rate.reset())));
    }
    return call.apply(query)
        .onSuccess(page -> {
          rate = page.rateLimit();
          rate.remaining().ifPresent(r -> metrics.rateLimitRemaining(Platform.MASTODON, account.handle(), r));
          metrics.poll(Platform.MASTODON, account.handle(), PollOutcome.OK);
        })
        .onFailure(e -> metrics.poll(Platform.MASTODON, account.handle(),
            e instanceof PollException p && p.kind() == PollException.Kind.RATE_LIMITED
                ? PollOutcome.RATE_LIMITED : PollOutcome.ERROR))
        .map(MastodonClient.Page::items);
  }

  private Future<Void> handOn(Fetched<Notification> mentions, Fetched<Post> statuses, Instant receivedAt) {
    List<Mention> found = mentions.items().stream()
        .map(Notification::status)
        .filter(p -> !p.authorId().equals(account.id()))
        .map(p -> new Mention(brand.id(), account.handle(), p, receivedAt))
        .toList();
    found.forEach(m -> metrics.ingestLag(Platform.MASTODON, Duration.between(m.post().createdAt(), receivedAt)));
    List<Post> own = statuses.items().stream().filter(p -> p.authorId().equals(account.id())).toList();
    PollBatch batch = new PollBatch(brand.id(), Platform.MASTODON, account.handle(), found, own);
    Future<?> taken = batch.isEmpty() ? Future.succeededFuture() : vertx.eventBus().request(Addresses.POLL_BATCH, batch);
    return taken.map(ok -> {
      if (mentions.cursor() != null) {
        cursors.put(Platform.MASTODON, account.handle(), "notifications", mentions.cursor());
      }
      if (statuses.cursor() != null) {
        cursors.put(Platform.MASTODON, account.handle(), "statuses", statuses.cursor());
      }
      return null;
    });
  }

  private void succeeded(Instant at) {
    failures = 0;
    health.ok(Platform.MASTODON, account.handle(), at);
    metrics.lastSuccess(Platform.MASTODON, account.handle(), at);
    Duration delay = settings.pollInterval();
    if (rate.exhausted(2) && rate.reset().isAfter(clock.instant())) {
      delay = Duration.between(clock.instant(), rate.reset());
    }
    schedule(delay);
  }

  private void failed(Throwable cause) {
    failures++;
    PollException.Kind kind = cause instanceof PollException p ? p.kind() : PollException.Kind.TRANSIENT;
    String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    Duration delay = backoff();
    switch (kind) {
      case RATE_LIMITED -> {
        Instant retryAt = ((PollException) cause).retryAt().orElse(clock.instant().plus(settings.pollInterval()));
        rate = new RateLimit(java.util.OptionalInt.of(0), retryAt);
        delay = Duration.between(clock.instant(), retryAt);
        health.failing(Platform.MASTODON, account.handle(), SourceHealth.State.FAILING,
            "rate limited until " + retryAt);
      }
      case AUTH -> health.failing(Platform.MASTODON, account.handle(), SourceHealth.State.BLIND,
          "token rejected (" + detail + "): fix the token; no mentions are seen until then");
      default -> health.failing(Platform.MASTODON, account.handle(), SourceHealth.State.FAILING, detail);
    }
    LOG.warn("poll failed: platform=mastodon account={} kind={} retry_in={}s: {}", account.handle(), kind,
        delay.toSeconds(), detail.replaceAll("[\\r\\n]", " "));
    schedule(delay);
  }

  /** Exponential backoff with jitter: interval × 2^(failures−1), capped at five minutes. */
  private Duration backoff() {
    long base = settings.pollInterval().toMillis() << Math.min(10, failures - 1);
    long capped = Math.min(base, MAX_BACKOFF.toMillis());
    long jitter = (long) (capped * 0.2 * Math.random());
    return Duration.ofMillis(capped + jitter);
  }
}
