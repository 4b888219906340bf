package io.replywatch.sla.calendar;

import io.replywatch.time.Durations;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link BusinessCalendar} for support teams that only answer during office hours: the SLA clock runs inside
 * the weekly windows of one time zone and stops outside them and on holidays, so a complaint sent on Friday at
 * 17:50 with a 30-minute target warns on Monday at 09:20, not on Friday at 18:20.
 *
 * <p>Windows are wall-clock times in the calendar's zone, turned into instants with that zone's rules for each
 * date, never with a fixed offset, so they stay right across DST changes. A window runs from the first instant
 * the wall clock shows its start to the last instant it shows its end: when a start or end falls in a
 * spring-forward gap it is the instant of the jump; when it falls in a fall-back overlap the start takes the
 * earlier occurrence and the end the later one, so a window over the repeated hour really lasts an hour longer.
 */
public final class BusinessHours implements BusinessCalendar {
  /** The config check refuses a target this calendar does not reach within this much wall time of the load. */
  public static final Period HORIZON = Period.ofYears(20);
  /**
   * How far ahead a deadline is searched for: the checked horizon and a year, so that an episode opened up to a
   * year before the config was checked (a backfill reaches back at most 365 days) still finds its deadline.
   */
  private static final Period SEARCH = HORIZON.plusYears(1);
  private static final Logger LOG = LoggerFactory.getLogger(BusinessHours.class);
  /** Calendar and target pairs already warned about: a deadline is asked for again on every poll. */
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private final String name;
  private final ZoneId zone;
  private final ZoneRules rules;
  private final Map<DayOfWeek, List<Window>> week;
  private final Set<LocalDate> holidays;

  public BusinessHours(ZoneId zone, Map<DayOfWeek, List<Window>> week, Set<LocalDate> holidays) {
    this(zone.getId(), zone, week, holidays);
  }

  /** {@code name} only names the calendar in the log. */
  public BusinessHours(String name, ZoneId zone, Map<DayOfWeek, List<Window>> week, Set<LocalDate> holidays) {
    this.name = name;
    this.zone = zone;
    this.rules = zone.getRules();
    this.week = new EnumMap<>(DayOfWeek.class);
    week.forEach((day, windows) -> this.week.put(day, List.copyOf(windows)));
    this.holidays = Set.copyOf(holidays);
  }

  public ZoneId zone() {
    return zone;
  }

  /**
   * Empty, with a warning logged once per calendar and target, when the clock does not run {@code target} within
   * {@link #SEARCH} (a holiday list covering the windows for years): the episode then has no deadline at that
   * target rather than an exception on every poll. The config check refuses what it can see of this at load.
   */
  @Override
  public Optional<Instant> deadline(Instant start, Duration target) {
    if (target.isNegative() || target.isZero()) {
      return Optional.of(start);
    }
    Duration remaining = target;
    LocalDate day = LocalDate.ofInstant(start, zone);
    for (LocalDate end = day.plus(SEARCH); day.isBefore(end); day = day.plusDays(1)) {
      for (Instant[] w : windows(day)) {
        Instant from = w[0].isBefore(start) ? start : w[0];
        if (!w[1].isAfter(from)) {
          continue;
        }
        Duration open = Duration.between(from, w[1]);
        if (open.compareTo(remaining) >= 0) {
          return Optional.of(from.plus(remaining));
        }
        remaining = remaining.minus(open);
      }
    }
    if (WARNED.add(name + " " + target)) {
      LOG.warn("calendar '{}': {} of business time is not reached within {} years of {}; episodes under it get no"
          + " deadline at that target", name, Durations.format(target), SEARCH.getYears(), start);
    }
    return Optional.empty();
  }

  @Override
  public Duration elapsed(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    Duration total = Duration.ZERO;
    LocalDate last = LocalDate.ofInstant(to, zone);
    for (LocalDate day = LocalDate.ofInstant(from, zone); !day.isAfter(last); day = day.plusDays(1)) {
      for (Instant[] w : windows(day)) {
        Instant a = w[0].isBefore(from) ? from : w[0];
        Instant b = w[1].isAfter(to) ? to : w[1];
        if (b.isAfter(a)) {
          total = total.plus(Duration.between(a, b));
        }
      }
    }
    return total;
  }

  /** The windows of one local date as instant pairs [start, end), in order; none on a holiday. */
  private List<Instant[]> windows(LocalDate day) {
    List<Window> local = week.getOrDefault(day.getDayOfWeek(), List.of());
    if (local.isEmpty() || holidays.contains(day)) {
      return List.of();
    }
    List<Instant[]> out = new ArrayList<>(local.size());
    for (Window w : local) {
      Instant start = first(day.atTime(w.start()));
      Instant end = w.endsAtMidnight() ? first(day.plusDays(1).atStartOfDay()) : last(day.atTime(w.end()));
      out.add(new Instant[] {start, end});
    }
    return out;
  }

  /** The first instant the wall clock shows {@code local}: the jump itself when it falls in a gap. */
  private Instant first(LocalDateTime local) {
    return pick(local, true);
  }

  /** The last instant the wall clock shows {@code local}: the jump itself when it falls in a gap. */
  private Instant last(LocalDateTime local) {
    return pick(local, false);
  }

  private Instant pick(LocalDateTime local, boolean earliest) {
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.isEmpty()) {
      ZoneOffsetTransition gap = rules.getTransition(local);
      return gap.getInstant();
    }
    Instant a = local.toInstant(offsets.get(0));
    Instant b = local.toInstant(offsets.get(offsets.size() - 1));
    return earliest == a.isBefore(b) ? a : b;
  }
}
