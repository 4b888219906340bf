package io.replywatch.bench;

import io.replywatch.classify.Category;
import io.replywatch.classify.Classification;
import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig.Policy;
import io.replywatch.ingest.Mention;
import io.replywatch.ingest.Post;
import io.replywatch.sla.SlaEvent;
import io.replywatch.sla.SlaListener;
import io.replywatch.sla.SlaTracker;
import io.replywatch.time.ServiceClock;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code bench} section {@code sla}: how late SLA deadlines fire (issue 5 goal: p99 under 50 ms). 100,000
 * warnings fall due over 20 seconds of the wall clock; one real Vert.x timer is armed for the earliest deadline
 * and re-armed after each firing, the way {@code SlaVerticle} does, and each warning's lateness is the clock at
 * firing minus its due instant. The reference, measured in the same run, is the lateness of bare one-shot
 * Vert.x timers on the same event loop: the floor the engine cannot beat.
 */
public final class SlaLatenessBench implements BenchSection {
  private static final Duration TARGET = Duration.ofMinutes(30);

  private final int deadlines;
  private final Duration spread;
  private final Duration lead;

  public SlaLatenessBench() {
    this(100_000, Duration.ofSeconds(20), Duration.ofSeconds(3));
  }

  /**
   * @param lead from the start until the first deadline: room to open every episode before any falls due
   */
  SlaLatenessBench(int deadlines, Duration spread, Duration lead) {
    this.deadlines = deadlines;
    this.spread = spread;
    this.lead = lead;
  }

  @Override
  public String name() {
    return "sla";
  }

  @Override
  public LinkedHashMap<String, Double> run(Consumer<String> progress) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Context context = vertx.getOrCreateContext();
      ServiceClock clock = ServiceClock.system();
      long[] lateness = engine(vertx, context, clock, progress);
      Arrays.sort(lateness);
      long[] bare = bareTimers(vertx, context, Math.min(1_000, deadlines));
      Arrays.sort(bare);
      LinkedHashMap<String, Double> figures = new LinkedHashMap<>();
      figures.put("deadline_lateness_ms_p50", ms(percentile(lateness, 50)));
      figures.put("deadline_lateness_ms_p99", ms(percentile(lateness, 99)));
      figures.put("deadline_lateness_ms_max", ms(lateness[lateness.length - 1]));
      figures.put("deadlines", (double) lateness.length);
      figures.put("bare_timer_lateness_ms_p50", ms(percentile(bare, 50)));
      figures.put("bare_timer_lateness_ms_p99", ms(percentile(bare, 99)));
      return figures;
    } finally {
      vertx.close().await();
    }
  }

  /** Opens the episodes on the event loop, then lets the single re-armed timer fire them all; lateness in nanos. */
  private long[] engine(Vertx vertx, Context context, ServiceClock clock, Consumer<String> progress) throws Exception {
    long[] lateness = new long[deadlines];
    CompletableFuture<Void> done = new CompletableFuture<>();
    Policy policy = new Policy(Set.of(), Set.of(), Set.of(), Optional.of(TARGET), Optional.empty());
    int[] fired = {0};
    SlaTracker tracker = new SlaTracker(List.of(policy), new SlaListener() {
      @Override
      public void event(SlaEvent e) {
        if (fired[0] < lateness.length) {
          lateness[fired[0]++] = Duration.between(e.at(), clock.instant()).toNanos();
        }
      }
    });
    Classification complaint = new Classification(Category.COMPLAINT, -0.6, 0.6, "en", false);
    Timer timer = new Timer(vertx, clock, tracker, () -> {
      if (fired[0] == lateness.length) {
        done.complete(null);
      }
    });
    context.runOnContext(v -> {
      Instant first = clock.instant().plus(lead);
      long step = spread.toNanos() / deadlines;
      for (int i = 0; i < deadlines; i++) {
        Instant due = first.plusNanos(step * i);
        Post p = new Post(Platform.X, Integer.toString(i), "c" + i, "c" + i, "it is broken", due.minus(TARGET),
            Optional.empty(), Optional.empty(), "", Optional.empty());
        tracker.onMention(new Mention("acme", "acme", p, clock.instant()), complaint);
      }
      timer.fireAndRearm();
    });
    progress.accept(deadlines + " deadlines over " + spread.toMillis() + " ms, starting in " + lead.toMillis() + " ms");
    done.get(spread.toSeconds() + 60, TimeUnit.SECONDS);
    return lateness;
  }

  /** One Vert.x timer for the tracker's next deadline, re-armed after each firing (SlaVerticle's scheme). */
  private static final class Timer {
    private final Vertx vertx;
    private final ServiceClock clock;
    private final SlaTracker tracker;
    private final Runnable afterFiring;

    Timer(Vertx vertx, ServiceClock clock, SlaTracker tracker, Runnable afterFiring) {
      this.vertx = vertx;
      this.clock = clock;
      this.tracker = tracker;
      this.afterFiring = afterFiring;
    }

    void fireAndRearm() {
      tracker.fireDue(clock.instant());
      afterFiring.run();
      tracker.nextDeadline().ifPresent(next -> vertx.setTimer(
          clock.realDelayMillis(Duration.between(clock.instant(), next)), id -> fireAndRearm()));
    }
  }

  /** Lateness of {@code n} one-shot timers of 1-5 ms armed one after another on the same context, in nanos. */
  private static long[] bareTimers(Vertx vertx, Context context, int n) throws Exception {
    long[] lateness = new long[n];
    CompletableFuture<Void> done = new CompletableFuture<>();
    context.runOnContext(v -> arm(vertx, lateness, 0, done));
    done.get(60, TimeUnit.SECONDS);
    return lateness;
  }

  private static void arm(Vertx vertx, long[] lateness, int i, CompletableFuture<Void> done) {
    if (i == lateness.length) {
      done.complete(null);
      return;
    }
    long delayMs = 1 + i % 5;
    long due = System.nanoTime() + delayMs * 1_000_000;
    vertx.setTimer(delayMs, id -> {
      lateness[i] = System.nanoTime() - due;
      arm(vertx, lateness, i + 1, done);
    });
  }

  /** Nearest rank. */
  private static long percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(1, Math.min(rank, sorted.length)) - 1];
  }

  private static double ms(long nanos) {
    return Math.round(nanos / 1e3) / 1e3;
  }
}
