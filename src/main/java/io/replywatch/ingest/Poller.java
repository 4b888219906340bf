package io.replywatch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.replywatch.bus.Addresses;
import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig.Account;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.config.ReplywatchConfig.PlatformSettings;
import io.replywatch.time.ServiceClock;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every platform poller shares, so each platform only says how one cycle reads its API: scheduling on the
 * service clock inside the rate-limit {@link Budget} (never a request between a 429 and its reset, also across a
 * restart), backoff with jitter on failures, source health and metrics, and handing one {@link PollBatch} per
 * cycle to the SLA stage with the cursors stored only after the batch was taken. A failed cycle stores nothing, so
 * the next one reads the same posts again: nothing is lost and nothing is handed on twice. An item of a page that
 * cannot be read is set aside ({@link Rejected}) and kept before the cursors move past it; the cycle succeeds. At
 * start, the account's items set aside earlier are read again with today's parser ({@link ReadAgain}). This class
 * is the verticle that wires those jobs ({@link CycleLoop}, {@link RequestBudget}, {@link HandOn},
 * {@link CycleReport}) and the API the platform pollers call.
 */
public abstract class Poller extends VerticleBase {

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
  private final SetAside aside;
  private final ReadAgain readAgain;
  private final RequestBudget requests;
  private final CycleReport report;
  private final CycleLoop loop;
  private final IngestMetrics metrics;
  private OpenEpisodes openEpisodes;
  /** Null when the check is off, not wired ({@link #watchDeletions}) or the platform has no lookup. */
  private DeletedCheck deletedCheck;
  private WebClient webClient;
  private Runnable stopJumps = () -> { };

  protected Poller(Platform platform, Brand brand, Account account, PlatformSettings settings, CursorStore cursors,
      RejectedStore rejected, SourceHealth health, IngestMetrics metrics, ServiceClock clock) {
    this.platform = platform;
    this.brand = brand;
    this.account = account;
    this.settings = settings;
    this.cursors = cursors;
    this.clock = clock;
    this.metrics = metrics;
    this.aside = new SetAside(platform, account.handle(), rejected, metrics);
    this.readAgain = new ReadAgain(platform, account.handle(), rejected, metrics);
    this.requests = new RequestBudget(platform, account.handle(), settings.pollInterval(), cursors, metrics, clock);
    this.report = new CycleReport(platform, account.handle(), settings.pollInterval(), health, metrics);
    HandOn handOn = new HandOn(platform, brand.id(), account.handle(), this::brandId,
        batch -> vertx.eventBus().request(Addresses.POLL_BATCH, batch), cursors, aside, readAgain, report, metrics);
    this.loop = new CycleLoop(() -> vertx, clock, new Schedule(settings.pollInterval()), requests, report, aside,
        at -> cycle(at).compose(c -> handOn.handOn(c, at)), this::checkDeleted);
  }

  /**
   * Lets this poller close the episodes whose posts were deleted on the platform, every
   * {@code platforms.<name>.deletedCheck} ({@link DeletedCheck}), reading them from {@code episodes}. Call before
   * deploying; without it (the poller tests) nothing is looked up.
   */
  public Poller watchDeletions(OpenEpisodes episodes) {
    this.openEpisodes = episodes;
    return this;
  }

  /** How this platform looks posts up by id for the deleted-post check; empty when it has none. */
  protected Optional<PostLookup> postLookup() {
    return Optional.empty();
  }

  /**
   * After a cycle handed its batch on and the next was scheduled: the deleted-post check, when one is due; it never
   * fails, and leaves the schedule of the mention reads to their own requests.
   */
  private Future<Void> checkDeleted(Instant at) {
    return deletedCheck == null ? Future.succeededFuture() : deletedCheck.runIfDue(at);
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
    Optional<PostLookup> lookup = postLookup();
    if (openEpisodes != null && settings.deletedCheck().isPresent() && lookup.isPresent()) {
      deletedCheck = new DeletedCheck(platform, brand.id(), account.handle(), settings.deletedCheck().get(),
          openEpisodes, lookup.get(), metrics, () -> vertx, bucket -> spare(bucket, DeletedCheck.RESERVE));
    }
    requests.restoreBlock(clock.instant());
    report.starting(keepsBacklog(), this::backlogSince, clock);
    // Blocking store reads, on a worker; the first cycle comes after them, so it can carry what they read.
    return vertx.executeBlocking(() -> readAgain.load(this::reread)).map(read -> {
      stopJumps = clock.onJump(() -> {
        if (!loop.stopped()) {
          context.runOnContext(v -> loop.pollSoon());
        }
      });
      loop.pollSoon();
      return null;
    });
  }

  @Override
  public Future<?> stop() {
    loop.stop();
    stopJumps.run();
    if (webClient != null) {
      webClient.close();
    }
    return Future.succeededFuture();
  }

  /** Cycles finished, plus starts and clock jumps that found no cycle due; tests wait on it instead of sleeping. */
  public long settled() {
    return loop.settled();
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
    if (loop.stopped()) {
      return Future.failedFuture(new PollException(PollException.Kind.TRANSIENT, "poller stopped", Optional.empty()));
    }
    return requests.request(bucket, call);
  }

  /**
   * Whether {@code bucket} can spare a request now and still keep more than {@code reserve} in hand: an optional
   * read (X's backlog) asks before each request and stops when not, instead of waiting for the reset, so it only
   * spends what the window has over and never turns a cycle that read new posts into a {@code BudgetWait}.
   */
  protected boolean spare(String bucket, int reserve) {
    return !loop.stopped() && requests.spare(bucket, reserve);
  }

  /**
   * For an optional read such as a keyword search or a subreddit: a request the platform rejects (400, 404) or
   * forbids (403: a private subreddit, a search the plan lacks) is logged, named in the source's health detail and
   * skipped (its cursor stays), so one bad keyword or community never stops the mentions read this cycle; any
   * other failure fails the cycle. A 403 on a required read still makes the source blind.
   */
  protected Future<Void> skipRejected(Throwable e, String what) {
    return report.skipped(e, what) ? Future.succeededFuture() : Future.failedFuture(e);
  }

  /**
   * An unread range of {@code endpoint} this source gives up, its posts never to be read (a stored cursor the
   * platform rejects, a range beyond X's search window or Reddit's listing reach): logged now, counted and named in health once the cycle
   * stores that endpoint's cursors. A cycle that does not (it failed, or its mentions wait for the brand's own
   * posts) gives it up again next time, and only then is it counted.
   */
  protected void gaveUp(String endpoint, String what) {
    report.gaveUp(endpoint, what);
  }
}
