package io.replywatch.store;

import io.replywatch.sla.WaitingTable.Age;
import io.replywatch.sla.calendar.BusinessCalendar;
import io.vertx.core.json.JsonObject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SLA figures of one group of episodes: how many, how many answered, response-time percentiles (nearest rank,
 * over answered episodes, wall-clock like the {@code replywatch_response_seconds} histogram), the share answered
 * within each target (inclusive, over answered episodes that had that target), and who is waiting now by age:
 * everyone, and those whose policy has a target (by default complaints and questions; praise and neutral mentions
 * are measured but never alerted, and wait until answered). Shares and ages count the policy's business time, as
 * the deadlines, the {@code replywatch_waiting} gauge and {@code replay} do: outside business hours the SLA clock
 * does not run.
 */
final class SlaFigures {

  /**
   * One episode, reduced to what the figures need.
   *
   * @param responseSeconds wall-clock, for the percentiles
   * @param businessResponseSeconds in the policy's business time, for the within-target shares
   * @param waitingSeconds in the policy's business time; -1 when not waiting
   */
  record Row(boolean answered, long responseSeconds, long businessResponseSeconds, Long warningSeconds,
      Long breachSeconds, long waitingSeconds) {

    /** @param calendar the business hours of the episode's policy */
    static Row of(ResultSet rs, Instant now, BusinessCalendar calendar) throws SQLException {
      rs.getLong("closed_at");
      boolean open = rs.wasNull();
      String reason = rs.getString("close_reason");
      Instant opened = Instant.ofEpochMilli(rs.getLong("opened_at"));
      long responseMs = rs.getLong("response_ms");
      long businessMs = rs.getLong("business_response_ms");
      if (rs.wasNull()) {
        // Closed before the store kept it (schema 1), or still open: work it out with today's calendar.
        businessMs = calendar.elapsed(opened, opened.plusMillis(responseMs)).toMillis();
      }
      Long warning = seconds(rs, "warning_ms");
      Long breach = seconds(rs, "breach_ms");
      long waiting = open ? calendar.elapsed(opened, now).toSeconds() : -1;
      // Closed by hand (spam, answered by phone) is neither answered nor waiting.
      return new Row(!open && "replied".equals(reason), responseMs / 1000, businessMs / 1000, warning, breach, waiting);
    }

    private static Long seconds(ResultSet rs, String column) throws SQLException {
      long v = rs.getLong(column);
      return rs.wasNull() ? null : v / 1000;
    }
  }

  private int episodes;
  private final List<Long> responses = new ArrayList<>();
  private int withWarning;
  private int withinWarning;
  private int withBreach;
  private int withinBreach;
  private final long[] waiting = new long[Age.values().length];
  private final long[] waitingWithTargets = new long[Age.values().length];

  void add(Row r) {
    episodes++;
    if (r.answered()) {
      responses.add(r.responseSeconds());
      if (r.warningSeconds() != null) {
        withWarning++;
        withinWarning += r.businessResponseSeconds() <= r.warningSeconds() ? 1 : 0;
      }
      if (r.breachSeconds() != null) {
        withBreach++;
        withinBreach += r.businessResponseSeconds() <= r.breachSeconds() ? 1 : 0;
      }
    } else if (r.waitingSeconds() >= 0) {
      // The gauge's buckets, so the API and replywatch_waiting can never disagree on an edge.
      int age = Age.of(Duration.ofSeconds(r.waitingSeconds())).ordinal();
      waiting[age]++;
      if (r.warningSeconds() != null || r.breachSeconds() != null) {
        waitingWithTargets[age]++;
      }
    }
  }

  JsonObject toJson() {
    List<Long> sorted = ApiQueries.sorted(responses);
    return new JsonObject()
        .put("episodes", episodes)
        .put("answered", responses.size())
        .put("responseSecondsP50", ApiQueries.nearestRank(sorted, 0.5))
        .put("responseSecondsP90", ApiQueries.nearestRank(sorted, 0.9))
        .put("withinWarning", share(withinWarning, withWarning))
        .put("withinBreach", share(withinBreach, withBreach))
        .put("waiting", ages(waiting))
        .put("waitingWithTargets", ages(waitingWithTargets));
  }

  private static JsonObject ages(long[] counts) {
    JsonObject out = new JsonObject();
    for (Age age : Age.values()) {
      out.put(age.label(), counts[age.ordinal()]);
    }
    return out;
  }

  private static Double share(int hit, int of) {
    return of == 0 ? null : Math.round(hit * 10000.0 / of) / 10000.0;
  }
}
