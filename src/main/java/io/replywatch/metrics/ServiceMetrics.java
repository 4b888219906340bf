package io.replywatch.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.replywatch.classify.Category;
import io.replywatch.config.Platform;
import io.replywatch.ingest.IngestMetrics;
import io.replywatch.notify.NotifyMetrics;
import io.replywatch.sla.Level;
import io.replywatch.sla.SlaMetrics;
import io.replywatch.sla.WaitingTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Owns every application meter (style rule 13). Micrometer's dotted names render as the Prometheus names of
 * product.md §3. Labels only ever come from bounded sets: configured brands and accounts, platforms, categories,
 * levels, channels; never a post id, customer handle or URL. Each stage sees only the interface it reports through
 * ({@link IngestMetrics}, {@link SlaMetrics}, {@link NotifyMetrics}), so no stage depends on this package.
 */
public final class ServiceMetrics implements IngestMetrics, SlaMetrics, NotifyMetrics {
  /** Response-time buckets in seconds; product.md §3 requires 300, 900, 1800, 3600, 7200, 14400 and 86400. */
  private static final Duration[] RESPONSE_BUCKETS = seconds(60, 300, 600, 900, 1800, 2700, 3600, 7200, 14400, 28800, 86400, 172800);
  private static final Duration[] LAG_BUCKETS = seconds(1, 5, 15, 30, 60, 120, 300, 900, 3600);
  /** A source gauge's value before anything is known; exported as NaN. */
  private static final long UNKNOWN = Long.MIN_VALUE;
  /** The backlog gauge's lower bound while a source has no unread range; exported as 0. */
  private static final long NO_BACKLOG = Long.MIN_VALUE;

  private final MeterRegistry registry;
  private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> rateRemaining = new ConcurrentHashMap<>();
  /** Per source that keeps unread ranges: epoch milliseconds of the oldest one's lower bound, or NO_BACKLOG. */
  private final Map<String, AtomicLong> backlogSince = new ConcurrentHashMap<>();

  public ServiceMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Pre-registers every series of one brand on one platform at 0, so dashboards and rules see them from the start. */
  public void initBrand(String brand, Platform platform) {
    for (Category c : Category.values()) {
      mentions(brand, platform, c);
      responseTimer(brand, platform, c);
      slaResponseTimer(brand, platform, c);
      kindTimer("first", brand, platform, c);
      kindTimer("next", brand, platform, c);
      for (Level level : Level.values()) {
        slaEvents(brand, platform, c, level);
      }
    }
    lagTimer(platform);
  }

  @Override
  public void initSource(Platform platform, String account, Duration pollInterval) {
    for (PollOutcome o : PollOutcome.values()) {
      pollCounter(platform, account, o);
    }
    rejectedCounter(platform, account);
    recoveredCounter(platform, account);
    redatedCounter(platform, account);
    sourceGauge("replywatch.source.last.success.timestamp", lastSuccess, platform, account, 0,
        "Unix time of the source's last successful poll; 0 until it has succeeded", "seconds");
    // Unknown (NaN) until the platform says: a 0 here would read as a spent quota, and a source that is down or
    // has a revoked token would page on-call as rate-limited.
    sourceGauge("replywatch.ratelimit.remaining", rateRemaining, platform, account, UNKNOWN,
        "Requests left in the platform's current rate-limit window, as its headers said; NaN until they have", null);
    // ReplywatchSourceStale waits three intervals before calling a source stale: with a fixed 10 minutes, a
    // platform polled every 10 minutes or more paged on-call between every two healthy polls.
    double interval = pollInterval.getSeconds() + pollInterval.getNano() / 1e9; // toNanos overflows past 292 years
    Gauge.builder("replywatch.source.poll.interval", () -> interval)
        .description("The source's configured poll interval (platforms.<name>.pollInterval)")
        .baseUnit("seconds")
        .tags(Tags.of("platform", platform.id(), "account", account))
        .strongReference(true)
        .register(registry);
  }

  @Override
  public void initBacklog(Platform platform, String account, Clock clock) {
    AtomicLong since = backlogSince.computeIfAbsent(key(platform, account), k -> new AtomicLong(NO_BACKLOG));
    Gauge.builder("replywatch.source.backlog", since,
            v -> v.get() == NO_BACKLOG ? 0 : Math.max(0, clock.millis() - v.get()) / 1000.0)
        .description("How far back the source's oldest still-unread range reaches (now minus its lower bound), "
            + "while a read stopped at its page cap is being caught up; 0 when there is none")
        .baseUnit("seconds")
        .tags(Tags.of("platform", platform.id(), "account", account))
        .strongReference(true)
        .register(registry);
  }

  @Override
  public void initRangesDropped(Platform platform, String account) {
    rangesDropped(platform, account);
  }

  @Override
  public void backlogSince(Platform platform, String account, Optional<Instant> oldest) {
    backlogSince.computeIfAbsent(key(platform, account), k -> new AtomicLong(NO_BACKLOG))
        .set(oldest.map(Instant::toEpochMilli).orElse(NO_BACKLOG));
  }

  @Override
  public void rangeDropped(Platform platform, String account) {
    rangesDropped(platform, account).increment();
  }

  @Override
  public void initChannel(String channel) {
    for (Level level : Level.values()) {
      for (NotifyOutcome o : NotifyOutcome.values()) {
        notifications(channel, level, o);
      }
    }
  }

  @Override
  public void mention(String brand, Platform platform, Category category) {
    mentions(brand, platform, category).increment();
  }

  @Override
  public void responseTime(String brand, Platform platform, Category category, boolean first, Duration wall,
      Duration slaClock) {
    responseTimer(brand, platform, category).record(wall);
    kindTimer(first ? "first" : "next", brand, platform, category).record(wall);
    slaResponseTimer(brand, platform, category).record(slaClock);
  }

  @Override
  public void slaEvent(String brand, Platform platform, Category category, Level level) {
    slaEvents(brand, platform, category, level).increment();
  }

  @Override
  public void notification(String channel, Level level, NotifyOutcome outcome) {
    notifications(channel, level, outcome).increment();
  }

  @Override
  public void poll(Platform platform, String account, PollOutcome outcome) {
    pollCounter(platform, account, outcome).increment();
  }

  @Override
  public void itemRejected(Platform platform, String account) {
    rejectedCounter(platform, account).increment();
  }

  @Override
  public void itemRecovered(Platform platform, String account) {
    recoveredCounter(platform, account).increment();
  }

  @Override
  public void itemRedated(Platform platform, String account) {
    redatedCounter(platform, account).increment();
  }

  @Override
  public void initDeletedCheck(String brand, Platform platform, String account) {
    deletedChecks(platform, account, true);
    deletedChecks(platform, account, false);
    closedDeleted(brand, platform);
  }

  @Override
  public void deletedCheck(Platform platform, String account, boolean ok) {
    deletedChecks(platform, account, ok).increment();
  }

  @Override
  public void episodeClosedDeleted(String brand, Platform platform) {
    closedDeleted(brand, platform).increment();
  }

  @Override
  public void lastSuccess(Platform platform, String account, Instant at) {
    lastSuccess.computeIfAbsent(key(platform, account), k -> new AtomicLong()).set(at.getEpochSecond());
  }

  @Override
  public void rateLimitRemaining(Platform platform, String account, int remaining) {
    rateRemaining.computeIfAbsent(key(platform, account), k -> new AtomicLong()).set(remaining);
  }

  @Override
  public void ingestLag(Platform platform, Duration lag) {
    lagTimer(platform).record(lag.isNegative() ? Duration.ZERO : lag);
  }

  /** Registers the {@code replywatch_waiting} gauges of one series, read from the tracker's waiting table. */
  public void waitingGauge(String brand, Platform platform, Category category, WaitingTable table) {
    for (WaitingTable.Age age : WaitingTable.Age.values()) {
      Gauge.builder("replywatch.waiting", table, t -> t.count(brand, platform, category, age))
          .description("Open episodes (customers waiting for an answer) now, by how long they have waited")
          .tags("brand", brand, "platform", platform.id(), "category", category.id(), "age", age.label())
          .strongReference(true)
          .register(registry);
    }
  }

  private Counter mentions(String brand, Platform platform, Category category) {
    return Counter.builder("replywatch.mentions")
        .description("Mentions ingested and classified")
        .tags("brand", brand, "platform", platform.id(), "category", category.id())
        .register(registry);
  }

  private Timer responseTimer(String brand, Platform platform, Category category) {
    return Timer.builder("replywatch.response")
        .description("Time from a customer's first unanswered message to the brand's reply, per closed episode")
        .tags("brand", brand, "platform", platform.id(), "category", category.id())
        .serviceLevelObjectives(RESPONSE_BUCKETS)
        .register(registry);
  }

  /** Same labels and buckets as {@link #responseTimer}, so the compliance rules read the same {@code le} values. */
  private Timer slaResponseTimer(String brand, Platform platform, Category category) {
    return Timer.builder("replywatch.response.sla")
        .description("Response time per closed episode as the SLA clock counts it: with a business-hours calendar"
            + " time outside business hours does not count; wall-clock time for policies without one")
        .tags("brand", brand, "platform", platform.id(), "category", category.id())
        .serviceLevelObjectives(RESPONSE_BUCKETS)
        .register(registry);
  }

  private Timer kindTimer(String kind, String brand, Platform platform, Category category) {
    return Timer.builder("replywatch." + kind + ".response")
        .description(kind.equals("first")
            ? "Response time of the first waiting episode of each conversation"
            : "Response time of later waiting episodes (the customer wrote again after an answer)")
        .tags("brand", brand, "platform", platform.id(), "category", category.id())
        .serviceLevelObjectives(RESPONSE_BUCKETS)
        .register(registry);
  }

  private Counter slaEvents(String brand, Platform platform, Category category, Level level) {
    return Counter.builder("replywatch.sla.events")
        .description("SLA events fired: warning and breach when a target is reached, resolved when answered")
        .tags("brand", brand, "platform", platform.id(), "category", category.id(), "level", level.id())
        .register(registry);
  }

  private Counter notifications(String channel, Level level, NotifyOutcome outcome) {
    return Counter.builder("replywatch.notifications")
        .description("Notification attempts per channel: sent, retried after a recoverable failure, or failed for good")
        .tags("channel", channel, "level", level.id(), "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
        .register(registry);
  }

  private Counter pollCounter(Platform platform, String account, PollOutcome outcome) {
    return outcomeCounter("replywatch.poll.requests", "Requests to a platform's API, by outcome", platform, account,
        outcome.name().toLowerCase(java.util.Locale.ROOT));
  }

  /** A counter per source (platform, account) and outcome: registering it again returns the one already there. */
  private Counter outcomeCounter(String name, String description, Platform platform, String account, String outcome) {
    return Counter.builder(name).description(description)
        .tags("platform", platform.id(), "account", account, "outcome", outcome)
        .register(registry);
  }

  private Counter deletedChecks(Platform platform, String account, boolean ok) {
    return outcomeCounter("replywatch.deleted.checks", "Lookups of open episodes' posts by the deleted-post check,"
        + " by outcome: ok when the platform answered, failed for an error, 429, timeout or unreadable body (nothing"
        + " is closed then)", platform, account, ok ? "ok" : "failed");
  }

  private Counter closedDeleted(String brand, Platform platform) {
    return Counter.builder("replywatch.episodes.closed.deleted")
        .description("Episodes closed because their posts were deleted on the platform (two looks apart said so)")
        .tags("brand", brand, "platform", platform.id())
        .register(registry);
  }

  private Counter rejectedCounter(Platform platform, String account) {
    return sourceCounter("replywatch.poll.items.rejected", "Items of well-formed pages that could not be read: set"
        + " aside and kept in the store's rejected_items table, each counted once however often the platform sends it"
        + " again", platform, account);
  }

  private Counter recoveredCounter(Platform platform, String account) {
    return sourceCounter("replywatch.poll.items.recovered", "Items set aside as unreadable that a newer parser read"
        + " again when the poller started, handed on like any post and marked in rejected_items, each counted once",
        platform, account);
  }

  private Counter redatedCounter(Platform platform, String account) {
    return sourceCounter("replywatch.poll.items.redated", "Posts taken at the time the platform (or Replywatch) received"
        + " them, not the time they state: dated more than 5 minutes before the platform had them, or after",
        platform, account);
  }

  private Counter rangesDropped(Platform platform, String account) {
    return sourceCounter("replywatch.source.ranges.dropped", "Unread ranges a source gave up, their posts never read:"
        + " a stored cursor the platform rejects, a range beyond X's 7-day search window or Reddit's listing reach, or"
        + " a first start's backfill cut at the page cap", platform, account);
  }

  /** A counter per source (platform, account): registering it again returns the one already there. */
  private Counter sourceCounter(String name, String description, Platform platform, String account) {
    return Counter.builder(name).description(description)
        .tags("platform", platform.id(), "account", account)
        .register(registry);
  }

  private Timer lagTimer(Platform platform) {
    return Timer.builder("replywatch.ingest.lag")
        .description("Delay between a post's creation on the platform and Replywatch seeing it")
        .tags("platform", platform.id())
        .serviceLevelObjectives(LAG_BUCKETS)
        .register(registry);
  }

  private void sourceGauge(String name, Map<String, AtomicLong> values, Platform platform, String account,
      long initial, String description, String unit) {
    AtomicLong value = values.computeIfAbsent(key(platform, account), k -> new AtomicLong(initial));
    Gauge.builder(name, value, v -> v.get() == UNKNOWN ? Double.NaN : v.get())
        .description(description)
        .baseUnit(unit)
        .tags(Tags.of("platform", platform.id(), "account", account))
        .strongReference(true)
        .register(registry);
  }

  private static String key(Platform platform, String account) {
    return platform.id() + "/" + account;
  }

  private static Duration[] seconds(long... s) {
    Duration[] out = new Duration[s.length];
    for (int i = 0; i < s.length; i++) {
      out[i] = Duration.ofSeconds(s[i]);
    }
    return out;
  }
}
