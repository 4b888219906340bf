package io.replywatch.ingest;

import io.replywatch.config.Platform;
import io.replywatch.ingest.IngestMetrics.PollOutcome;
import io.replywatch.time.ServiceClock;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One poller's requests against its rate-limit {@link Budget}: a request the window has no room for is not sent
 * (the cycle waits for the reset instead of earning a 429), each answer updates the budget and the request metrics,
 * and a 429's reset is kept in the cursor store so a restart during the wait does not earn another. {@link Budget}
 * is the pure arithmetic; this is where it meets the requests' futures and the store. One poller's context uses it.
 */
final class RequestBudget {
  /** The cursor-store entry that keeps a 429's reset, so a restart during the wait does not earn another 429. */
  static final String RESET_ENTRY = "rate-limit-reset";
  /** Requests of every bucket kept in hand when a cycle starts, so a cycle is not cut short by its own budget. */
  private static final int RESERVE = 2;

  private final Platform platform;
  private final String account;
  private final Duration interval;
  private final CursorStore cursors;
  private final IngestMetrics metrics;
  private final ServiceClock clock;
  private final Budget budget = new Budget();
  private int requestsThisCycle;

  RequestBudget(Platform platform, String account, Duration interval, CursorStore cursors, IngestMetrics metrics,
      ServiceClock clock) {
    this.platform = platform;
    this.account = account;
    this.interval = interval;
    this.cursors = cursors;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** At start: a 429's reset kept by an earlier run still holds. */
  void restoreBlock(Instant now) {
    try {
      cursors.get(platform, account, RESET_ENTRY).map(Instant::parse).filter(now::isBefore).ifPresent(budget::block);
    } catch (DateTimeParseException e) {
      // An unreadable entry is no information.
    }
  }

  /** A new cycle starts: its requests are counted from zero, for {@link #paced}. */
  void newCycle() {
    requestsThisCycle = 0;
  }

  /** One request inside the budget of {@code bucket}; fails with a {@link BudgetWait} when there is no room. */
  <T> Future<T> request(String bucket, Supplier<Future<ApiPage<T>>> call) {
    Optional<Instant> until = budget.blocked(bucket, clock.instant());
    if (until.isPresent()) {
      return Future.failedFuture(new BudgetWait(until.get()));
    }
    requestsThisCycle++;
    return call.get()
        .onSuccess(page -> {
          budget.update(bucket, page.rateLimit());
          page.rateLimit().remaining().ifPresent(r -> metrics.rateLimitRemaining(platform, account, r));
          metrics.poll(platform, account, PollOutcome.OK);
        })
        .onFailure(e -> {
          Optional<Instant> retryAt = rateLimited(e);
          retryAt.ifPresent(this::limited);
          metrics.poll(platform, account, retryAt.isPresent() ? PollOutcome.RATE_LIMITED : PollOutcome.ERROR);
        })
        .map(ApiPage::value);
  }

  /** Whether {@code bucket} can spare a request now and still keep more than {@code reserve} in hand. */
  boolean spare(String bucket, int reserve) {
    return budget.spare(bucket, reserve, clock.instant());
  }

  /** The earliest a cycle may start, keeping {@link #RESERVE} requests of every bucket in hand. */
  Instant allowed(Instant now) {
    return now.plus(budget.waitFor(RESERVE, now));
  }

  /** The earliest the next cycle may start so that cycles like this one spread the window until its reset. */
  Instant paced(Instant now) {
    return now.plus(budget.pace(requestsThisCycle, now));
  }

  /** A cycle that failed on a 429: no request before its reset; returns the block now in force. */
  Instant block(Throwable rateLimited) {
    return budget.block(rateLimited(rateLimited).orElseThrow());
  }

  /** When a 429 said to ask again (in an interval when it did not say), or empty for any other failure. */
  private Optional<Instant> rateLimited(Throwable e) {
    return e instanceof PollException p && p.kind() == PollException.Kind.RATE_LIMITED
        ? Optional.of(p.retryAt().orElse(clock.instant().plus(interval)))
        : Optional.empty();
  }

  /** A 429: no request of any bucket before {@code retryAt}, also after a restart. */
  private void limited(Instant retryAt) {
    cursors.put(platform, account, RESET_ENTRY, budget.block(retryAt).toString());
  }

  /** The cycle stopped before a request the budget has no room for; it resumes at the reset. */
  static final class BudgetWait extends PollException {
    BudgetWait(Instant until) {
      super(Kind.RATE_LIMITED, "rate-limit budget spent, waiting for the reset", Optional.of(until));
    }
  }
}
