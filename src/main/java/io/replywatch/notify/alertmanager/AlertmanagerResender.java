package io.replywatch.notify.alertmanager;

import io.replywatch.sla.Level;
import io.replywatch.sla.SlaEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides what to post to Alertmanager again, as its client contract requires (alert-payloads.md §2.1): firing
 * alerts are re-sent every {@code interval} until they resolve (or they expire at their {@code endsAt}), and resolved
 * alerts are re-sent for {@link #RESOLVED_WINDOW} after resolving, because Alertmanager keeps no client state and a
 * restarted one would otherwise never hear that a page is over.
 *
 * <p>No I/O, no clock and no Vert.x: time is an argument, so the rule is tested by calling it with chosen instants.
 * The verticle that owns the timer calls {@link #sent} after each successful post and {@link #due} on each tick.
 * Not thread-safe: it belongs to one verticle's event loop.
 */
public final class AlertmanagerResender {

  /** How long resolved alerts keep being re-sent. */
  public static final Duration RESOLVED_WINDOW = Duration.ofMinutes(5);

  private static final class Episode {
    final Map<Level, SlaEvent> firing = new EnumMap<>(Level.class);
    SlaEvent resolved;
    Instant resolvedAt;
    Instant lastSent;
  }

  private final Duration interval;
  private final Map<String, Episode> episodes = new LinkedHashMap<>();

  /** @param interval how often an episode's alerts are re-sent; well below the payloads' ttl */
  public AlertmanagerResender(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive");
    }
    this.interval = interval;
  }

  /** Records that {@code event} reached Alertmanager at {@code now}. */
  public void sent(SlaEvent event, Instant now) {
    Episode episode = episodes.computeIfAbsent(event.dedupKey(), k -> new Episode());
    if (event.level() == Level.RESOLVED) {
      episode.firing.clear();
      episode.resolved = event;
      episode.resolvedAt = now;
    } else if (episode.resolved == null) {
      episode.firing.put(event.level(), event);
    } else {
      return; // a firing event after the resolve is stale: never re-open the alert
    }
    episode.lastSent = now;
  }

  /**
   * The events to post again at {@code now}, oldest episode first, each episode's warning before its breach. Counts
   * them as sent at {@code now} and forgets episodes resolved at least {@link #RESOLVED_WINDOW} ago.
   */
  public List<SlaEvent> due(Instant now) {
    List<SlaEvent> due = new ArrayList<>();
    for (Iterator<Episode> it = episodes.values().iterator(); it.hasNext(); ) {
      Episode episode = it.next();
      if (episode.resolved != null && !now.isBefore(episode.resolvedAt.plus(RESOLVED_WINDOW))) {
        it.remove();
        continue;
      }
      if (now.isBefore(episode.lastSent.plus(interval))) {
        continue;
      }
      if (episode.resolved != null) {
        due.add(episode.resolved);
      } else {
        due.addAll(episode.firing.values());
      }
      episode.lastSent = now;
    }
    return due;
  }

  /** The next instant at which {@link #due} may return something, for arming one timer; null when idle. */
  public Instant nextDue() {
    Instant next = null;
    for (Episode episode : episodes.values()) {
      Instant at = episode.lastSent.plus(interval);
      if (episode.resolved != null) {
        Instant expiry = episode.resolvedAt.plus(RESOLVED_WINDOW);
        at = at.isBefore(expiry) ? at : expiry;
      }
      next = next == null || at.isBefore(next) ? at : next;
    }
    return next;
  }

  /** Episodes being tracked (firing, or resolved within the window). */
  public int size() {
    return episodes.size();
  }
}
