package io.replywatch.ingest;

import io.replywatch.time.ServiceClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs one poller's cycles on a Vert.x timer, one at a time: arms the timer for when the next is due (on the
 * service clock, never before the {@link RequestBudget} has requests in hand), and after each cycle reports its
 * outcome ({@link CycleReport}) and arms the timer again, whatever happened, so a source is never left unread with
 * nothing said. The arithmetic is in {@link Schedule}; this is where it meets the timer. One verticle's context runs
 * it; {@link #stop} and {@link #settled} may be called from elsewhere.
 */
final class CycleLoop {
  /** The verticle's Vert.x, known only once it is deployed. */
  private final Supplier<Vertx> vertx;
  private final ServiceClock clock;
  private final Schedule schedule;
  private final RequestBudget requests;
  private final CycleReport report;
  private final SetAside aside;
  /** Reads the cycle started at the given instant and hands it on. */
  private final Function<Instant, Future<Void>> cycle;
  /**
   * Work after a cycle that succeeded (the deleted-post check), given the cycle's start; it never fails.
   * It runs once the next cycle is scheduled, so the schedule counts only the cycle's own requests and a clock jump
   * meanwhile is not lost; a cycle that falls due while it runs waits for it.
   */
  private final Function<Instant, Future<Void>> after;
  private long timer = -1;
  private boolean polling;
  private boolean afterRunning;
  private boolean dueMeanwhile;
  private volatile boolean stopped;
  private volatile long settled;

  CycleLoop(Supplier<Vertx> vertx, ServiceClock clock, Schedule schedule, RequestBudget requests, CycleReport report,
      SetAside aside, Function<Instant, Future<Void>> cycle, Function<Instant, Future<Void>> after) {
    this.vertx = vertx;
    this.clock = clock;
    this.schedule = schedule;
    this.requests = requests;
    this.report = report;
    this.aside = aside;
    this.cycle = cycle;
    this.after = after;
  }

  void stop() {
    stopped = true;
    vertx.get().cancelTimer(timer);
  }

  boolean stopped() {
    return stopped;
  }

  /** Cycles finished, plus starts and clock jumps that found no cycle due. */
  long settled() {
    return settled;
  }

  /**
   * At start, and whenever the clock jumps (tests): re-arm the timer for the instant the next cycle is due (now at
   * start). A running cycle re-arms itself when it ends, counted from its start, so a jump meanwhile is not lost.
   */
  void pollSoon() {
    if (polling || stopped) {
      return;
    }
    Instant now = clock.instant();
    scheduleAt(schedule.dueFrom(now));
    if (schedule.nextDue().isAfter(now)) {
      settled++;
    }
  }

  /** Arms the timer for {@code due}, or for later when the budget keeps too few requests in hand until then. */
  private void scheduleAt(Instant due) {
    Instant now = clock.instant();
    Instant next = schedule.at(due, requests.allowed(now));
    vertx.get().cancelTimer(timer);
    if (!stopped) {
      Duration wait = Duration.between(now, next);
      timer = vertx.get().setTimer(clock.realDelayMillis(wait.isNegative() ? Duration.ZERO : wait), id -> poll());
    }
  }

  private void poll() {
    if (polling || stopped) {
      return;
    }
    if (afterRunning) {
      dueMeanwhile = true;
      return;
    }
    polling = true;
    requests.newCycle();
    report.clear();
    aside.clear();
    Instant cycleStart = clock.instant();
    Future<Void> read;
    try {
      read = cycle.apply(cycleStart);
    } catch (RuntimeException e) {
      read = Future.failedFuture(e);
    }
    read.onComplete(done -> {
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
      if (done.succeeded()) {
        runAfter(cycleStart);
      } else {
        settled++;
      }
    });
  }

  /** The work after a cycle; the cycle counts as settled once it is done, and one due meanwhile starts then. */
  private void runAfter(Instant cycleStart) {
    afterRunning = true;
    Future<Void> work;
    try {
      work = after.apply(cycleStart);
    } catch (RuntimeException e) {
      work = Future.failedFuture(e);
    }
    work.onComplete(v -> {
      afterRunning = false;
      settled++;
      if (dueMeanwhile) {
        dueMeanwhile = false;
        poll();
      }
    });
  }

  /**
   * A bug of ours while scheduling the next cycle: the timer would not be armed again and the source would stop
   * being read with nothing said. Say so on health, and try again after the longest backoff.
   */
  private void broken(RuntimeException e) {
    report.broken(e, Schedule.MAX_BACKOFF);
    schedule.broken(clock.instant());
    vertx.get().cancelTimer(timer);
    timer = vertx.get().setTimer(clock.realDelayMillis(Schedule.MAX_BACKOFF), id -> poll());
  }

  /**
   * The next cycle is due one interval after this one started, or later when the cycles must be spread so the
   * window lasts until its reset.
   */
  private void succeeded(Instant cycleStart) {
    report.lastSuccess(cycleStart);
    scheduleAt(schedule.succeeded(cycleStart, requests.paced(clock.instant())));
    report.succeeded(cycleStart, schedule.nextDue(), aside.kept());
  }

  /** Backs off from the failed cycle's start (a 429 waits for its reset); the timer survives every failure. */
  private void failed(Throwable cause, Instant cycleStart) {
    if (cause instanceof RequestBudget.BudgetWait wait) {
      // Not a failure: nothing was sent, so backoff stays as it is.
      Instant until = wait.retryAt().orElseThrow();
      report.budgetSpent(until, cycleStart);
      scheduleAt(until);
      return;
    }
    Duration delay = schedule.failed();
    Instant due = cycleStart.plus(delay);
    if (CycleReport.kind(cause) == PollException.Kind.RATE_LIMITED) {
      due = requests.block(cause);
      delay = Duration.between(clock.instant(), due);
    }
    report.failed(cause, due, delay);
    scheduleAt(due);
  }
}
