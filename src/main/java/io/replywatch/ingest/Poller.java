package io.replywatch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.replywatch.bus.Addresses;
import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig.Account;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.config.ReplywatchConfig.PlatformSettings;
import io.replywatch.ingest.IngestMetrics.PollOutcome;
import io.replywatch.time.ServiceClock;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
 * service clock inside the rate-limit {@link Budget} (never a request between a 429 and its reset, also across a
 * restart), backoff with jitter on failures, source health and metrics, and handing one {@link PollBatch} per
 * cycle to the SLA stage with the cursors stored only after the batch was taken. A failed cycle stores nothing, so
 * the next one reads the same posts again: nothing is lost and nothing is handed on twice. An item of a page that
 * cannot be read is set aside ({@link Rejected}) and kept before the cursors move past it; the cycle succeeds. At
 * start, the account's items set aside earlier are read again with today's parser ({@link ReadAgain}).
 */
public abstract class Poller extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(Poller.class);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
  /** The cursor-store entry that keeps a 429's reset, so a restart during the wait does not earn another 429. */
  static final String RESET_ENTRY = "rate-limit-reset";
  /** Requests of every bucket kept in hand when a cycle starts, so a cycle is not cut short by its own budget. */
  private static final int RESERVE = 2;

  /**
   * What one cycle read: mentions and the brand's own posts up to the same moment, oldest first, and the cursors
   * (endpoint to value) to store once they were handed on.
   *
   * @param mentionsWait whether the cycle held its mentions back until the brand's own posts are read to their end
   *     (X, Bluesky): an item read again at start waits too if it is a mention
   */
  public record Cycle(List<Post> mentions, List<Post> brandPosts, Map<String, String> cursors, boolean mentionsWait) {

    public Cycle(List<Post> mentions, List<Post> brandPosts, Map<String, String> cursors) {
      this(mentions, brandPosts, cursors, false);
    }

    /** A cycle that read only the brand's own posts, its mentions held back until those are read to their end. */
    public static Cycle ownOnly(List<Post> brandPosts, Map<String, String> cursors) {
      return new Cycle(List.of(), brandPosts, cursors, true);
    }
  }

  protected final Platform platform;
  protected final Brand brand;
  protected final Account account;
  protected final PlatformSettings settings;
  protected final ServiceClock clock;
  private final CursorStore cursors;
  private final SourceHealth health;
  private final IngestMetrics metrics;
  private final Budget budget = new Budget();
  private final RecentIds handedOn = new RecentIds(10_000);
  private final SetAside aside;
  private final ReadAgain readAgain;
  private WebClient webClient;
  private int failures;
  private int requestsThisCycle;
  /** Optional reads the platform rejected this cycle, for the health detail. */
  private final List<String> skipped = new ArrayList<>();
  /** Unread ranges given up this cycle, by endpoint; counted once that endpoint's cursors are stored. */
  private final List<Map.Entry<String, String>> gaveUp = new ArrayList<>();
  /** The lower bound of the oldest stored unread range, as last stored. */
  private Optional<Instant> backlog = Optional.empty();
  private long timer = -1;
  private Instant nextDue;
  private boolean polling;
  private volatile boolean stopped;
  private volatile long settled;
  private Runnable stopJumps = () -> { };

  protected Poller(Platform platform, Brand brand, Account account, PlatformSettings settings, CursorStore cursors,
      RejectedStore rejected, SourceHealth health, IngestMetrics metrics, ServiceClock clock) {
    this.platform = platform;
    this.brand = brand;
    this.account = account;
    this.settings = settings;
    this.cursors = cursors;
    this.health = health;
    this.metrics = metrics;
    this.clock = clock;
    this.aside = new SetAside(platform, account.handle(), rejected, metrics);
    this.readAgain = new ReadAgain(platform, account.handle(), rejected, metrics);
  }

  /** Builds the platform client on the verticle's own {@link WebClient} (kept in a field: Vert.x 5 closes strays). */
  protected abstract void init(WebClient client);

  /** Reads one cycle, mentions first, then the brand's own posts; every request goes through {@link #request}. */
  protected abstract Future<Cycle> cycle(Instant now);

  /**
   * Reads one item set aside earlier from {@code endpoint} again with today's parser, applying what that endpoint's
   * items go through (a keyword hit the mention stream brings is {@link Reread#NOTHING}); throws when it still
   * cannot be read. Called on a worker at start, before the first cycle.
   */
  protected abstract Reread reread(String endpoint, JsonNode item);

  /** The User-Agent a platform wants to see; Reddit throttles generic ones. */
  protected String userAgent() {
    return "replywatch/0.1";
  }

  /**
   * Whether a capped read of this platform leaves posts to read on later cycles (X, Bluesky, Mastodon): it then has
   * the backlog gauge, fed by {@link #backlogSince()}.
   */
  protected boolean keepsBacklog() {
    return false;
  }

  /** The oldest instant the stored unread ranges reach back to; empty when there are none. */
  protected Optional<Instant> backlogSince() {
    return Optional.empty();
  }

  /** The brand account's id as the platform writes it on posts; Bluesky learns its DID from the session. */
  protected String brandId() {
    return account.id();
  }

  @Override
  public Future<?> start() {
    webClient = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(5_000).setUserAgent(userAgent()));
    init(webClient);
    restoreBlock(clock.instant());
    metrics.initSource(platform, account.handle(), settings.pollInterval());
    metrics.initRangesDropped(platform, account.handle());
    if (keepsBacklog()) {
      metrics.initBacklog(platform, account.handle(), clock);
      backlog = backlogSince(); // a restart goes on with a stored backlog: say so from the start
      metrics.backlogSince(platform, account.handle(), backlog);
    }
    health.starting(platform, account.handle());
    // Blocking store reads, on a worker; the first cycle comes after them, so it can carry what they read.
    return vertx.executeBlocking(() -> readAgain.load(this::reread)).map(read -> {
      stopJumps = clock.onJump(() -> {
        if (!stopped) {
          context.runOnContext(v -> pollSoon());
        }
      });
      pollSoon();
      return null;
    });
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

  /** Cycles finished, plus starts and clock jumps that found no cycle due; tests wait on it instead of sleeping. */
  public long settled() {
    return settled;
  }

  /** The stored cursor of one endpoint of this account. */
  protected Optional<String> cursor(String endpoint) {
    return cursors.get(platform, account.handle(), endpoint);
  }

  /**
   * Items of a page read from {@code endpoint} that could not be read: kept once this cycle's batch was taken,
   * before its cursors are stored.
   */
  protected void setAside(String endpoint, List<Rejected> items) {
    aside.add(endpoint, items);
  }

  /** One request inside the budget of the whole source, for platforms that limit an account as one. */
  protected <T> Future<T> request(Supplier<Future<ApiPage<T>>> call) {
    return request(platform.id(), call);
  }

  /**
   * One request inside the budget of {@code bucket} (a platform's rate-limit scope: X limits each endpoint). When
   * the window is spent, or a 429 said wait, the request is not sent and the cycle waits for the reset instead of
   * earning a 429.
   */
  protected <T> Future<T> request(String bucket, Supplier<Future<ApiPage<T>>> call) {
    if (stopped) {
      return Future.failedFuture(new PollException(PollException.Kind.TRANSIENT, "poller stopped", Optional.empty()));
    }
    Optional<Instant> until = budget.blocked(bucket, clock.instant());
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
        .onFailure(e -> {
          Optional<Instant> retryAt = rateLimited(e);
          retryAt.ifPresent(this::limited);
          metrics.poll(platform, account.handle(), retryAt.isPresent() ? PollOutcome.RATE_LIMITED : PollOutcome.ERROR);
        })
        .map(ApiPage::value);
  }

  /**
   * Whether {@code bucket} can spare a request now and still keep more than {@code reserve} in hand: an optional
   * read (X's backlog) asks before each request and stops when not, instead of waiting for the reset, so it only
   * spends what the window has over and never turns a cycle that read new posts into a {@code BudgetWait}.
   */
  protected boolean spare(String bucket, int reserve) {
    return !stopped && budget.spare(bucket, reserve, clock.instant());
  }

  /**
   * For an optional read such as a keyword search or a subreddit: a request the platform rejects (400, 404) or
   * forbids (403: a private subreddit, a search the plan lacks) is logged, named in the source's health detail and
   * skipped (its cursor stays), so one bad keyword or community never stops the mentions read this cycle; any
   * other failure fails the cycle. A 403 on a required read still makes the source blind.
   */
  protected Future<Void> skipRejected(Throwable e, String what) {
    if (e instanceof PollException p
        && (p.kind() == PollException.Kind.REJECTED || p.kind() == PollException.Kind.FORBIDDEN)) {
      LOG.warn("{} skipped this cycle: platform={} account={}: {}", what, platform.id(), account.handle(),
          p.getMessage());
      String why = p.kind() == PollException.Kind.FORBIDDEN ? " forbidden (" : " rejected (";
      skipped.add(what + why + p.getMessage() + ")");
      return Future.succeededFuture();
    }
    return Future.failedFuture(e);
  }

  /**
   * An unread range of {@code endpoint} this source gives up, its posts never to be read (a stored cursor the
   * platform rejects, a range beyond X's search window or Reddit's listing reach): logged now, counted and named in health once the cycle
   * stores that endpoint's cursors. A cycle that does not (it failed, or its mentions wait for the brand's own
   * posts) gives it up again next time, and only then is it counted.
   */
  protected void gaveUp(String endpoint, String what) {
    LOG.warn("unread range given up, its posts are not read: platform={} account={}: {}", platform.id(),
        account.handle(), what.replaceAll("[\\r\\n]", " "));
    gaveUp.add(Map.entry(endpoint, what));
  }

  /** When a 429 said to ask again (in an interval when it did not say), or empty for any other failure. */
  private Optional<Instant> rateLimited(Throwable e) {
    return e instanceof PollException p && p.kind() == PollException.Kind.RATE_LIMITED
        ? Optional.of(p.retryAt().orElse(clock.instant().plus(settings.pollInterval())))
        : Optional.empty();
  }

  /** A 429: no request of any bucket before {@code retryAt}, also after a restart. */
  private void limited(Instant retryAt) {
    cursors.put(platform, account.handle(), RESET_ENTRY, budget.block(retryAt).toString());
  }

  private void restoreBlock(Instant now) {
    try {
      cursors.get(platform, account.handle(), RESET_ENTRY).map(Instant::parse).filter(now::isBefore)
          .ifPresent(budget::block);
    } catch (DateTimeParseException e) {
      // An unreadable entry is no information.
    }
  }

  /**
   * At start, and whenever the clock jumps (tests): re-arm the timer for the instant the next cycle is due (now at
   * start). A running cycle re-arms itself when it ends, counted from its start, so a jump meanwhile is not lost.
   */
  private void pollSoon() {
    if (polling || stopped) {
      return;
    }
    Instant now = clock.instant();
    scheduleAt(nextDue == null ? now : nextDue);
    if (nextDue.isAfter(now)) {
      settled++;
    }
  }

  /** Arms the timer for {@code due}, or for later when the budget keeps too few requests in hand until then. */
  private void scheduleAt(Instant due) {
    Instant now = clock.instant();
    Instant allowed = now.plus(budget.waitFor(RESERVE, now));
    nextDue = allowed.isAfter(due) ? allowed : due;
    vertx.cancelTimer(timer);
    if (!stopped) {
      Duration wait = Duration.between(now, nextDue);
      timer = vertx.setTimer(clock.realDelayMillis(wait.isNegative() ? Duration.ZERO : wait), id -> poll());
    }
  }

  private void poll() {
    if (polling || stopped) {
      return;
    }
    polling = true;
    requestsThisCycle = 0;
    skipped.clear();
    aside.clear();
    gaveUp.clear();
    Instant cycleStart = clock.instant();
    Future<Cycle> read;
    try {
      read = cycle(cycleStart);
    } catch (RuntimeException e) {
      read = Future.failedFuture(e);
    }
    read.compose(c -> handOn(readAgain.join(c), cycleStart)).onComplete(done -> {
      polling = false;
      if (stopped) {
        return;
      }
      try {
        if (done.succeeded()) {
          succeeded(cycleStart);
        } else {
          failed(done.cause(), cycleStart);
        }
      } catch (RuntimeException e) {
        broken(e);
      }
      settled++;
    });
  }

  /**
   * A bug of ours while scheduling the next cycle: the timer would not be armed again and the source would stop
   * being read with nothing said. Say so on health, and try again after the longest backoff.
   */
  private void broken(RuntimeException e) {
    LOG.error("poller failed: platform={} account={}", platform.id(), account.handle(), e);
    health.failing(platform, account.handle(), SourceHealth.State.FAILING,
        "internal error in the poller, retrying in " + MAX_BACKOFF.toMinutes() + " min: " + e);
    nextDue = clock.instant().plus(MAX_BACKOFF);
    vertx.cancelTimer(timer);
    timer = vertx.setTimer(clock.realDelayMillis(MAX_BACKOFF), id -> poll());
  }

  private Future<Void> handOn(Cycle cycle, Instant receivedAt) {
    Set<String> seen = new HashSet<>();
    List<Mention> found = cycle.mentions().stream()
        .filter(p -> !isBrand(p) && !handedOn.contains(p.id()) && seen.add(p.id()))
        .map(p -> new Mention(brand.id(), account.handle(), ClaimedTime.notAfter(p, receivedAt), receivedAt))
        .toList();
    List<Post> own = cycle.brandPosts().stream()
        .filter(p -> isBrand(p) && !handedOn.contains(p.id()) && seen.add(p.id()))
        .map(p -> ClaimedTime.notAfter(p, receivedAt)).toList();
    PollBatch batch = new PollBatch(brand.id(), platform, account.handle(), found, own);
    Future<?> taken = batch.isEmpty() ? Future.succeededFuture()
        : vertx.eventBus().request(Addresses.POLL_BATCH, batch);
    return taken.map(ok -> {
      found.forEach(m -> {
        handedOn.add(m.post().id());
        metrics.ingestLag(platform, Duration.between(m.post().createdAt(), receivedAt));
      });
      own.forEach(p -> handedOn.add(p.id()));
      // Kept before the cursors move past them, so a crash in between reads them again rather than losing them.
      aside.keep(receivedAt);
      // Stored even when stopping meanwhile: the batch was taken, so a restart must not hand it on again.
      cycle.cursors().forEach((endpoint, value) -> cursors.put(platform, account.handle(), endpoint, value));
      readAgain.taken(receivedAt);
      gaveUp.removeIf(g -> !cycle.cursors().containsKey(g.getKey())
          && !cycle.cursors().containsKey(g.getKey() + Backlog.SUFFIX));
      gaveUp.forEach(g -> metrics.rangeDropped(platform, account.handle()));
      if (keepsBacklog()) {
        backlog = backlogSince();
        metrics.backlogSince(platform, account.handle(), backlog);
      }
      return null;
    });
  }

  /** Whether the brand account wrote {@code p}: by id, or by handle where a platform has no stable author id. */
  private boolean isBrand(Post p) {
    return p.authorId().equals(brandId()) || p.authorHandle().equalsIgnoreCase(account.handle());
  }

  /**
   * The next cycle is due one interval after this one started, or later when the cycles must be spread so the
   * window lasts until its reset.
   */
  private void succeeded(Instant cycleStart) {
    failures = 0;
    metrics.lastSuccess(platform, account.handle(), cycleStart);
    Instant now = clock.instant();
    Instant paced = now.plus(budget.pace(requestsThisCycle, now));
    Instant due = cycleStart.plus(settings.pollInterval());
    scheduleAt(paced.isAfter(due) ? paced : due);
    String detail = skipped.isEmpty() ? "ok" : "ok, but skipped this cycle: " + String.join("; ", skipped);
    if (aside.kept() > 0) {
      // Still ok: the rest of the pages was read. The items are in the store for a person to look at.
      detail += "; " + aside.kept() + " unreadable item(s) set aside this cycle, kept in the store"
          + " (GET /api/v1/rejected)";
    }
    if (!gaveUp.isEmpty()) {
      detail += "; gave up this cycle, not read: "
          + String.join("; ", gaveUp.stream().map(Map.Entry::getValue).toList());
    }
    if (backlog.isPresent()) {
      // Not failing: every post is read, but those of the backlog late, and an overdue one alerts when read.
      detail += "; reading a backlog back to " + backlog.get();
    }
    if (heldPastInterval(nextDue, cycleStart)) {
      // Polls further apart than the configured interval delay every alert on this source: say so.
      detail += "; next poll not before " + nextDue + ": the rate limit allows no sooner";
    }
    health.ok(platform, account.handle(), cycleStart, detail);
  }

  /** Backs off from the failed cycle's start (a 429 waits for its reset); the timer survives every failure. */
  private void failed(Throwable cause, Instant cycleStart) {
    if (cause instanceof BudgetWait wait) {
      // Not a failure: the budget ran out mid-cycle and nothing was sent, so backoff stays as it is. A wait longer
      // than one interval leaves the source unread (a spent daily cap: hours), and health says so.
      Instant until = wait.retryAt().orElseThrow();
      LOG.info("rate-limit budget spent: platform={} account={} waiting until {}", platform.id(), account.handle(),
          until);
      if (heldPastInterval(until, cycleStart)) {
        health.failing(platform, account.handle(), SourceHealth.State.FAILING,
            "rate-limit budget spent: no requests until " + until + "; mentions posted meanwhile are read then");
      }
      scheduleAt(until);
      return;
    }
    failures++;
    PollException.Kind kind = cause instanceof PollException p ? p.kind() : PollException.Kind.TRANSIENT;
    String detail = (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage())
        .replaceAll("[\\r\\n]", " ");
    Duration delay = backoff();
    Instant due = cycleStart.plus(delay);
    switch (kind) {
      case RATE_LIMITED -> {
        due = budget.block(rateLimited(cause).orElseThrow());
        delay = Duration.between(clock.instant(), due);
        health.failing(platform, account.handle(), SourceHealth.State.FAILING, "rate limited until " + due);
      }
      case AUTH, FORBIDDEN -> health.failing(platform, account.handle(), SourceHealth.State.BLIND,
          "token rejected (" + detail + "): fix the token; no mentions are seen until then");
      default -> health.failing(platform, account.handle(), SourceHealth.State.FAILING, detail);
    }
    LOG.warn("poll failed: platform={} account={} kind={} retry_in={}s: {}", platform.id(), account.handle(), kind,
        delay.toSeconds(), detail);
    scheduleAt(due);
  }

  /**
   * Whether the rate limit holds the next request past the cycle after next: a wait health must name, since every
   * alert on this source waits with it (one interval of slack, so ordinary pacing does not count).
   */
  private boolean heldPastInterval(Instant next, Instant cycleStart) {
    return next.isAfter(cycleStart.plus(settings.pollInterval().multipliedBy(2)));
  }

  /** Exponential backoff with jitter: interval × 2^(failures−1), capped at five minutes. */
  private Duration backoff() {
    return backoff(settings.pollInterval(), failures, Math.random());
  }

  /**
   * Interval × 2^(failures−1), capped at {@link #MAX_BACKOFF}, plus up to 20% jitter ({@code random} in [0, 1)).
   * The interval is compared with the cap before it is shifted, so however long it is the delay saturates at the
   * cap: shifting first overflowed into a negative delay (or threw in toMillis()), which stopped the poller.
   */
  static Duration backoff(Duration interval, int failures, double random) {
    int shift = Math.min(10, Math.max(0, failures - 1));
    long capped = interval.compareTo(MAX_BACKOFF.dividedBy(1L << shift)) >= 0 ? MAX_BACKOFF.toMillis()
        : interval.toMillis() << shift;
    return Duration.ofMillis(capped + (long) (capped * 0.2 * random));
  }

  /** The cycle stopped before a request the budget has no room for; it resumes at the reset. */
  private static final class BudgetWait extends PollException {
    BudgetWait(Instant until) {
      super(Kind.RATE_LIMITED, "rate-limit budget spent, waiting for the reset", Optional.of(until));
    }
  }
}
