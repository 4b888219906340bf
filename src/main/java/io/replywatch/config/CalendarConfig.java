package io.replywatch.config;

import io.replywatch.config.ReplywatchConfig.Calendar;
import io.replywatch.sla.calendar.Window;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code sla.calendars}: named business-hours calendars that policies refer to. Kept apart from
 * {@link ConfigLoader} because day ranges, windows and zones have validation rules of their own, each reported
 * with its key path ({@code sla.calendars.support-eu.hours.mon-fri[0]: ...}).
 */
final class CalendarConfig {
  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
  private static final Pattern WINDOW = Pattern.compile("(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2})");

  private CalendarConfig() {}

  static Map<String, Calendar> read(Node node) {
    Map<String, Calendar> out = new LinkedHashMap<>();
    if (!node.isMissing()) {
      node.requireObject(Set.copyOf(node.keys()));
    }
    for (String name : node.keys()) {
      out.put(name, calendar(name, node.get(name)));
    }
    return Map.copyOf(out);
  }

  private static Calendar calendar(String name, Node node) {
    if (node.isMissing()) {
      throw node.fail("expected a mapping with timezone and hours");
    }
    node.requireObject(Set.of("timezone", "hours", "holidays"));
    ZoneId zone = node.get("timezone").parse(CalendarConfig::zone, null, "a known time zone like Europe/Berlin");
    if (zone == null) {
      throw node.get("timezone").fail("is required (a time zone like Europe/Berlin)");
    }
    Node hours = node.get("hours");
    hours.requireObject(Set.copyOf(hours.keys()));
    Map<DayOfWeek, List<Window>> week = new EnumMap<>(DayOfWeek.class);
    for (String key : hours.keys()) {
      Node days = hours.get(key);
      List<DayOfWeek> range = days(key).orElseThrow(() ->
          days.fail("expected a day (mon ... sun) or a range of days like mon-fri"));
      List<Window> windows = windows(days);
      for (DayOfWeek d : range) {
        if (week.containsKey(d)) {
          throw days.fail(DAYS.get(d.ordinal()) + " is already given by another key");
        }
        week.put(d, windows);
      }
    }
    if (week.isEmpty()) {
      throw hours.fail("at least one day with a window is required, like mon-fri: [\"09:00-18:00\"]");
    }
    Set<LocalDate> holidays = new HashSet<>();
    for (Node h : listOrOne(node.get("holidays"))) {
      holidays.add(h.parse(CalendarConfig::date, null, "a date like 2026-12-25"));
    }
    return new Calendar(name, zone, Map.copyOf(week), Set.copyOf(holidays));
  }

  private static List<Window> windows(Node days) {
    List<Window> windows = new ArrayList<>();
    for (Node w : listOrOne(days)) {
      windows.add(w.parse(CalendarConfig::window, null, "a window like 09:00-18:00 that ends after it starts"));
    }
    if (windows.isEmpty()) {
      throw days.fail("expected a list of windows like [\"09:00-12:00\", \"13:00-18:00\"]");
    }
    windows.sort(Comparator.comparing(Window::start));
    for (int i = 1; i < windows.size(); i++) {
      Window before = windows.get(i - 1);
      if (before.endsAtMidnight() || before.end().isAfter(windows.get(i).start())) {
        throw days.fail("windows overlap: " + format(before) + " and " + format(windows.get(i)));
      }
    }
    return List.copyOf(windows);
  }

  /** How long the calendar is open in a week by the wall clock, DST and holidays aside: for messages. */
  static Duration perWeek(Calendar calendar) {
    Duration total = Duration.ZERO;
    for (List<Window> day : calendar.hours().values()) {
      for (Window w : day) {
        total = total.plus(w.endsAtMidnight() ? Duration.ofDays(1).minusNanos(w.start().toNanoOfDay())
            : Duration.between(w.start(), w.end()));
      }
    }
    return total;
  }

  /** "mon", or a range "mon-fri"; a range may wrap around the week end ("fri-mon"). */
  static Optional<List<DayOfWeek>> days(String key) {
    String[] parts = key.trim().toLowerCase(java.util.Locale.ROOT).split("-", -1);
    if (parts.length > 2 || !DAYS.contains(parts[0]) || parts.length == 2 && !DAYS.contains(parts[1])) {
      return Optional.empty();
    }
    int from = DAYS.indexOf(parts[0]);
    int to = DAYS.indexOf(parts[parts.length - 1]);
    List<DayOfWeek> out = new ArrayList<>();
    for (int i = from; ; i = (i + 1) % 7) {
      out.add(DayOfWeek.of(i + 1));
      if (i == to) {
        return Optional.of(out);
      }
    }
  }

  /** "09:00-18:00"; the end may be "24:00" (midnight at the end of the day) and must be after the start. */
  static Optional<Window> window(String text) {
    Matcher m = WINDOW.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      LocalTime start = LocalTime.parse(m.group(1));
      if (m.group(2).equals("24:00")) {
        return Optional.of(new Window(start, LocalTime.MIDNIGHT, true));
      }
      LocalTime end = LocalTime.parse(m.group(2));
      return end.isAfter(start) ? Optional.of(new Window(start, end, false)) : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<ZoneId> zone(String id) {
    try {
      return Optional.of(ZoneId.of(id));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<LocalDate> date(String text) {
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String format(Window w) {
    return w.start() + "-" + (w.endsAtMidnight() ? "24:00" : w.end().toString());
  }

  private static List<Node> listOrOne(Node node) {
    if (node.isMissing()) {
      return List.of();
    }
    try {
      return node.list();
    } catch (Node.ConfigFailure notAList) {
      return List.of(node);
    }
  }
}
