package io.replywatch.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.replywatch.classify.Category;
import io.replywatch.classify.Classification;
import io.replywatch.config.ConfigLoader;
import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig.Alerts;
import io.replywatch.ingest.Mention;
import io.replywatch.ingest.Post;
import io.replywatch.metrics.ServiceMetrics;
import io.replywatch.sla.ActivityLog;
import io.replywatch.sla.Episode;
import io.replywatch.sla.Recorder;
import io.replywatch.sla.SlaListener;
import io.replywatch.sla.SlaPolicy;
import io.replywatch.sla.SlaStore;
import io.replywatch.sla.SlaTracker;
import io.replywatch.sla.WaitingTable;
import io.replywatch.store.Database;
import io.replywatch.store.SqliteSlaStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The SLA engine's {@code bench} section: episodes tracked per second with durable writes (beside the same work
 * in memory only), heap per open episode with one million open, and the time to recover one million open
 * episodes from the store at start.
 */
public final class SlaBench implements BenchSection {
  static final int DURABLE = 100_000;
  static final int MILLION = 1_000_000;
  static final int BATCH = 500;
  private static final Instant T0 = Instant.parse("2026-09-01T10:00:00Z");
  private static final Classification COMPLAINT = new Classification(Category.COMPLAINT, -0.7, 0.9, "en", false);

  @Override
  public String name() {
    return "sla";
  }

  @Override
  public LinkedHashMap<String, Double> run(Consumer<String> progress) throws Exception {
    LinkedHashMap<String, Double> out = new LinkedHashMap<>();
    Path dir = Files.createTempDirectory("replywatch-bench");
    try {
      progress.accept("tracking " + DURABLE + " episodes in memory, then durably");
      out.put("episodes_per_second_memory", track(null));
      try (Database db = Database.open(dir.resolve("durable.db"))) {
        out.put("episodes_per_second_durable", track(new SqliteSlaStore(db)));
      }
      progress.accept("opening " + MILLION + " episodes to weigh them");
      out.put("heap_bytes_per_open_episode", heapPerOpenEpisode());
      progress.accept("writing " + MILLION + " open episodes to a store, then recovering them");
      out.put("recovery_seconds_1m", recovery(dir.resolve("million.db"), progress));
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return out;
  }

  /** Mentions in poll-sized transactions, every other one answered in the same batch; episodes per second. */
  private static double track(SlaStore store) {
    SlaListener listener = store == null ? new SlaListener() { } : recorder(store);
    SlaTracker tracker = new SlaTracker(ConfigLoader.defaultPolicies(), listener);
    long start = System.nanoTime();
    for (int from = 0; from < DURABLE; from += BATCH) {
      int first = from;
      Runnable batch = () -> {
        for (int i = first; i < first + BATCH; i++) {
          Mention m = mention(i);
          if (store != null) {
            store.saveMention(m, COMPLAINT);
          }
          tracker.onMention(m, COMPLAINT);
          if (i % 2 == 0) {
            tracker.onBrandReply("acme", reply(i));
          }
        }
        tracker.fireDue(T0.plus(Duration.ofHours(2)));
      };
      if (store == null) {
        batch.run();
      } else {
        store.inTransaction(batch);
      }
    }
    return DURABLE / ((System.nanoTime() - start) / 1e9);
  }

  private static double heapPerOpenEpisode() {
    long before = Heap.used();
    SlaTracker tracker = new SlaTracker(ConfigLoader.defaultPolicies(), new SlaListener() { });
    for (int i = 0; i < MILLION; i++) {
      tracker.onMention(mention(i), COMPLAINT);
    }
    long after = Heap.used();
    double perEpisode = (after - before) / (double) tracker.openEpisodes().size();
    return Math.round(perEpisode);
  }

  private static double recovery(Path file, Consumer<String> progress) {
    try (Database db = Database.open(file)) {
      SlaStore store = new SqliteSlaStore(db);
      SlaTracker writer = new SlaTracker(ConfigLoader.defaultPolicies(), recorder(store));
      for (int from = 0; from < MILLION; from += 50_000) {
        int first = from;
        store.inTransaction(() -> {
          for (int i = first; i < first + 50_000; i++) {
            Mention m = mention(i);
            store.saveMention(m, COMPLAINT);
            writer.onMention(m, COMPLAINT);
          }
        });
      }
    }
    progress.accept("store written; recovering");
    long start = System.nanoTime();
    try (Database db = Database.open(file)) {
      SlaStore store = new SqliteSlaStore(db);
      SlaTracker tracker = new SlaTracker(ConfigLoader.defaultPolicies(), new SlaListener() { });
      store.postsSince(T0.minus(Duration.ofDays(7))).forEach(p ->
          tracker.rememberPost(p.brand(), p.platform(), p.id(), p.conversation(), p.customerId(), p.createdAt()));
      for (SlaStore.OpenEpisode o : store.openEpisodes()) {
        tracker.restore(Episode.restored(o.opening(), o.classification(), o.conversation(),
            SlaPolicy.resolve(ConfigLoader.defaultPolicies(), o.opening().brand(), o.opening().post().platform(),
                o.classification().category()), o.first(), o.messageIds(), o.messageTimes(), java.util.Set.of()));
      }
      if (tracker.openEpisodes().size() != MILLION) {
        throw new IllegalStateException("recovered " + tracker.openEpisodes().size() + " of " + MILLION);
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static Recorder recorder(SlaStore store) {
    return new Recorder(store, new ServiceMetrics(new SimpleMeterRegistry()), new WaitingTable(Clock.systemUTC()),
        new ActivityLog(line -> { }, Clock.systemUTC()), new Alerts(List.of(), List.of()), Clock.systemUTC());
  }

  static Mention mention(int i) {
    Instant at = T0.plusMillis(i * 10L);
    Post p = new Post(Platform.MASTODON, Long.toString(100_000_000_000L + i), "9" + i, "customer" + i + "@example.social",
        "my order #" + i + " never arrived and nobody answers, refund please", at, Optional.empty(), Optional.empty(),
        "https://social.example/@customer" + i + "/" + i, Optional.of("en"));
    return new Mention("acme", "acme", p, at.plusSeconds(5));
  }

  private static Post reply(int i) {
    return new Post(Platform.MASTODON, Long.toString(900_000_000_000L + i), "42", "acme", "sorry, on it",
        T0.plusMillis(i * 10L).plusSeconds(600), Optional.of(Long.toString(100_000_000_000L + i)), Optional.empty(),
        "https://social.example/@acme/" + i, Optional.of("en"));
  }
}
