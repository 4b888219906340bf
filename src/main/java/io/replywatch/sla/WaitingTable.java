package io.replywatch.sla;

import io.replywatch.classify.Category;
import io.replywatch.config.Platform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is waiting now, for the {@code replywatch_waiting} gauge. The SLA verticle adds and removes open episodes;
 * a scrape reads counts by age from another thread, so the table is concurrent and the counts are computed once
 * per scrape (not once per gauge series).
 */
public final class WaitingTable {

  /** The {@code age} label: how long the customer has waited so far. */
  public enum Age {
    UNDER_30M("under_30m"), FROM_30M_TO_60M("30m_to_60m"), OVER_60M("over_60m");

    private final String label;

    Age(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public static Age of(Duration waited) {
      if (waited.compareTo(Duration.ofMinutes(30)) < 0) {
        return UNDER_30M;
      }
      return waited.compareTo(Duration.ofMinutes(60)) < 0 ? FROM_30M_TO_60M : OVER_60M;
    }
  }

  private record Entry(String brand, Platform platform, Category category, Instant openedAt,
      io.replywatch.sla.calendar.BusinessCalendar calendar) {}

  private final Clock clock;
  private final Map<String, Entry> open = new ConcurrentHashMap<>();
  private volatile Map<String, Long> counts = Map.of();
  private long countedAtNanos;
  private Instant countedAt = Instant.EPOCH;
  private boolean counted;

  public WaitingTable(Clock clock) {
    this.clock = clock;
  }

  /** @param calendar the episode's business hours: its age counts only their time, as its deadlines do */
  public void open(String episodeId, String brand, Platform platform, Category category, Instant openedAt,
      io.replywatch.sla.calendar.BusinessCalendar calendar) {
    open.put(episodeId, new Entry(brand, platform, category, openedAt, calendar));
  }

  public void close(String episodeId) {
    open.remove(episodeId);
  }

  /** Open episodes of one series in one age band, as the {@code replywatch_waiting} gauge reads them. */
  public long count(String brand, Platform platform, Category category, Age age) {
    return counts().getOrDefault(key(brand, platform, category, age), 0L);
  }

  /** One scrape reads every series from one count. */
  private synchronized Map<String, Long> counts() {
    long nanos = System.nanoTime();
    Instant now = clock.instant();
    // Reuse the last count within one scrape; recount when real or service time has moved on.
    if (counted && nanos - countedAtNanos < 250_000_000L && Duration.between(countedAt, now).abs().getSeconds() < 1) {
      return counts;
    }
    Map<String, Long> fresh = new HashMap<>();
    for (Entry e : open.values()) {
      Age age = Age.of(e.calendar().elapsed(e.openedAt(), now));
      fresh.merge(key(e.brand(), e.platform(), e.category(), age), 1L, Long::sum);
    }
    counts = fresh;
    countedAtNanos = nanos;
    countedAt = now;
    counted = true;
    return fresh;
  }

  private static String key(String brand, Platform platform, Category category, Age age) {
    return brand + "/" + platform.id() + "/" + category.id() + "/" + age.label();
  }
}
