package io.replywatch.ingest;

import io.replywatch.config.Platform;
import io.replywatch.text.Text;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one poller says about its cycles, on source health, in metrics and in the log: the monitor must never be
 * blind without saying so. Collects what a cycle skipped and gave up, and turns each outcome (success, spent
 * budget, failure by kind, a bug of ours) into its health text. No scheduling: the poller passes in when the next
 * cycle is due. One poller's context uses it.
 */
final class CycleReport {
  /** The poller's logger, so these lines read as they always did ({@code Poller}), whichever class says them. */
  private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

  private final Platform platform;
  private final String account;
  private final Duration interval;
  private final SourceHealth health;
  private final IngestMetrics metrics;
  /** Optional reads the platform rejected this cycle, for the health detail. */
  private final List<String> skipped = new ArrayList<>();
  /** Unread ranges given up this cycle, by endpoint; counted once that endpoint's cursors are stored. */
  private final List<Map.Entry<String, String>> gaveUp = new ArrayList<>();
  /** Where the platform's unread ranges are read from, for a platform that keeps a backlog; null otherwise. */
  private Supplier<Optional<Instant>> backlogSince;
  /** The lower bound of the oldest stored unread range, as last stored. */
  private Optional<Instant> backlog = Optional.empty();

  CycleReport(Platform platform, String account, Duration interval, SourceHealth health, IngestMetrics metrics) {
    this.platform = platform;
    this.account = account;
    this.interval = interval;
    this.health = health;
    this.metrics = metrics;
  }

  /**
   * At start: the source's metrics at their first values and its health "not polled yet"; the backlog gauge, fed
   * by {@code since}, only for a platform that {@code keepsBacklog}.
   */
  void starting(boolean keepsBacklog, Supplier<Optional<Instant>> since, Clock clock) {
    metrics.initSource(platform, account, interval);
    metrics.initRangesDropped(platform, account);
    if (keepsBacklog) {
      metrics.initBacklog(platform, account, clock);
      backlogSince = since;
      backlog(); // a restart goes on with a stored backlog: say so from the start
    }
    health.starting(platform, account);
  }

  /** A new cycle starts. */
  void clear() {
    skipped.clear();
    gaveUp.clear();
  }

  /**
   * Whether {@code e} is a rejection (400, 404) or a refusal (403) of an optional read: if so it is logged and named
   * in this cycle's health detail.
   */
  boolean skipped(Throwable e, String what) {
    if (e instanceof PollException p
        && (p.kind() == PollException.Kind.REJECTED || p.kind() == PollException.Kind.FORBIDDEN)) {
      LOG.warn("{} skipped this cycle: platform={} account={}: {}", what, platform.id(), account, p.getMessage());
      String why = p.kind() == PollException.Kind.FORBIDDEN ? " forbidden (" : " rejected (";
      skipped.add(what + why + p.getMessage() + ")");
      return true;
    }
    return false;
  }

  /** An unread range of {@code endpoint} given up: logged now, counted once that endpoint's cursors are stored. */
  void gaveUp(String endpoint, String what) {
    LOG.warn("unread range given up, its posts are not read: platform={} account={}: {}", platform.id(), account,
        what.replaceAll("[\\r\\n]", " "));
    gaveUp.add(Map.entry(endpoint, what));
  }

  /**
   * The cycle's cursors were stored: the ranges given up on those endpoints (or their backlogs) are counted, the
   * others are dropped from this cycle's list (given up again next time), and the backlog is read again.
   */
  void stored(Map<String, String> cursors) {
    gaveUp.removeIf(g -> !cursors.containsKey(g.getKey()) && !cursors.containsKey(g.getKey() + Backlog.SUFFIX));
    gaveUp.forEach(g -> metrics.rangeDropped(platform, account));
    if (backlogSince != null) {
      backlog();
    }
  }

  private void backlog() {
    backlog = backlogSince.get();
    metrics.backlogSince(platform, account, backlog);
  }

  /**
   * Posts a batch the SLA stage took handed on at another time than the one they state ({@link ClaimedTime}):
   * counted, and one line says how many and names the first, so whoever wonders why a waiting time does not match
   * a post's own date finds why. The text stays out of the log, as for the items set aside.
   */
  void redated(List<Post> posts) {
    if (posts.isEmpty()) {
      return;
    }
    posts.forEach(p -> metrics.itemRedated(platform, account));
    Post first = posts.get(0);
    LOG.info("{} post(s) dated too far from when they were received, taken at their receipt: platform={} account={}"
        + " first id={} stated={} taken={}", posts.size(), platform.id(), account, Text.line(first.id(), 200),
        first.statedAt().map(Instant::toString).orElse("?"), first.createdAt());
  }

  /** A cycle that started at {@code cycleStart} succeeded; said before its next one is scheduled. */
  void lastSuccess(Instant cycleStart) {
    metrics.lastSuccess(platform, account, cycleStart);
  }

  /** The succeeded cycle's health: the next is due at {@code nextDue}; {@code keptAside} items were set aside. */
  void succeeded(Instant cycleStart, Instant nextDue, int keptAside) {
    String detail = skipped.isEmpty() ? "ok" : "ok, but skipped this cycle: " + String.join("; ", skipped);
    if (keptAside > 0) {
      // Still ok: the rest of the pages was read. The items are in the store for a person to look at.
      detail += "; " + keptAside + " unreadable item(s) set aside this cycle, kept in the store"
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
    health.ok(platform, account, cycleStart, detail);
  }

  /**
   * Not a failure: the budget ran out mid-cycle and nothing was sent. A wait longer than one interval leaves the
   * source unread (a spent daily cap: hours), and health says so.
   */
  void budgetSpent(Instant until, Instant cycleStart) {
    LOG.info("rate-limit budget spent: platform={} account={} waiting until {}", platform.id(), account, until);
    if (heldPastInterval(until, cycleStart)) {
      health.failing(platform, account, SourceHealth.State.FAILING,
          "rate-limit budget spent: no requests until " + until + "; mentions posted meanwhile are read then");
    }
  }

  /** A cycle failed with {@code cause}; the next is tried at {@code due}, {@code delay} from now. */
  void failed(Throwable cause, Instant due, Duration delay) {
    PollException.Kind kind = kind(cause);
    String detail = (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage())
        .replaceAll("[\\r\\n]", " ");
    switch (kind) {
      case RATE_LIMITED -> health.failing(platform, account, SourceHealth.State.FAILING, "rate limited until " + due);
      case AUTH, FORBIDDEN -> health.failing(platform, account, SourceHealth.State.BLIND,
          "token rejected (" + detail + "): fix the token; no mentions are seen until then");
      default -> health.failing(platform, account, SourceHealth.State.FAILING, detail);
    }
    LOG.warn("poll failed: platform={} account={} kind={} retry_in={}s: {}", platform.id(), account, kind,
        delay.toSeconds(), detail);
  }

  /** A bug of ours while scheduling the next cycle, tried again after {@code retry}. */
  void broken(RuntimeException e, Duration retry) {
    LOG.error("poller failed: platform={} account={}", platform.id(), account, e);
    health.failing(platform, account, SourceHealth.State.FAILING,
        "internal error in the poller, retrying in " + retry.toMinutes() + " min: " + e);
  }

  static PollException.Kind kind(Throwable cause) {
    return cause instanceof PollException p ? p.kind() : PollException.Kind.TRANSIENT;
  }

  /**
   * Whether the rate limit holds the next request past the cycle after next: a wait health must name, since every
   * alert on this source waits with it (one interval of slack, so ordinary pacing does not count).
   */
  private boolean heldPastInterval(Instant next, Instant cycleStart) {
    return next.isAfter(cycleStart.plus(interval.multipliedBy(2)));
  }
}
