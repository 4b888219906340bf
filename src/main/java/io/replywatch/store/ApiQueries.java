package io.replywatch.store;

import io.replywatch.classify.Category;
import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig.Policy;
import io.replywatch.sla.SlaPolicy;
import io.replywatch.sla.calendar.BusinessCalendar;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The read side of the HTTP API, on its own connection (WAL lets it read while the SLA stage writes). Blocking:
 * call it from a worker ({@code executeBlocking}); synchronized because one connection serves all requests.
 */
public final class ApiQueries {
  private final Connection c;
  private final Clock clock;
  private final List<Policy> policies;

  /**
   * @param policies the configured SLA policies: an open episode's age counts in its policy's business hours, as
   *     the {@code replywatch_waiting} gauge and the deadlines do
   */
  public ApiQueries(Database db, Clock clock, List<Policy> policies) {
    this.c = db.openReader();
    this.clock = clock;
    this.policies = List.copyOf(policies);
  }

  /** Filters of {@code GET /api/v1/mentions}; null brand or platform means all. */
  public record MentionFilter(String state, String brand, String platform, int limit) {}

  /** One entry per episode, shown by the mention that opened it, newest first. */
  public synchronized JsonObject mentions(MentionFilter f) {
    String where = switch (f.state()) {
      case "waiting" -> " AND e.closed_at IS NULL";
      case "answered" -> " AND e.closed_at IS NOT NULL";
      default -> "";
    };
    // The classification shown is the episode's: that of the follow-up that escalated it (x), if one did.
    String sql = "SELECT e.id AS episode_id, e.opened_at, e.closed_at, e.close_reason, e.response_ms, e.messages,"
        + " e.warning_fired, e.breach_fired, e.escalated_by, coalesce(x.category, m.category) AS episode_category,"
        + " coalesce(x.polarity, m.polarity) AS episode_polarity,"
        + " coalesce(x.confidence, m.confidence) AS episode_confidence,"
        + " coalesce(x.language, m.language) AS episode_language,"
        + " coalesce(x.question, m.question) AS episode_question, m.* FROM episodes e JOIN mentions m"
        + " ON m.platform = e.platform AND m.id = e.mention_id"
        + " LEFT JOIN mentions x ON x.platform = e.platform AND x.id = e.escalated_by WHERE (? IS NULL OR e.brand = ?)"
        + " AND (? IS NULL OR e.platform = ?)" + where + " ORDER BY e.opened_at DESC LIMIT ?";
    JsonArray items = new JsonArray();
    Instant now = clock.instant();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, f.brand());
      s.setString(2, f.brand());
      s.setString(3, f.platform());
      s.setString(4, f.platform());
      s.setInt(5, f.limit());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          items.add(mention(rs, now));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("listing mentions", e);
    }
    return new JsonObject().put("state", f.state()).put("count", items.size()).put("mentions", items);
  }

  private static JsonObject mention(ResultSet rs, Instant now) throws SQLException {
    Instant opened = Instant.ofEpochMilli(rs.getLong("opened_at"));
    long closed = rs.getLong("closed_at");
    boolean open = rs.wasNull();
    String reason = rs.getString("close_reason");
    JsonArray events = new JsonArray();
    if (rs.getInt("warning_fired") == 1) {
      events.add("warning");
    }
    if (rs.getInt("breach_fired") == 1) {
      events.add("breach");
    }
    return new JsonObject()
        .put("episodeId", rs.getString("episode_id"))
        .put("brand", rs.getString("brand"))
        .put("platform", rs.getString("platform"))
        .put("mentionId", rs.getString("id"))
        .put("author", rs.getString("author_handle"))
        .put("text", rs.getString("text"))
        .put("permalink", rs.getString("permalink"))
        .put("createdAt", Instant.ofEpochMilli(rs.getLong("created_at")).toString())
        .put("receivedAt", Instant.ofEpochMilli(rs.getLong("received_at")).toString())
        .put("category", rs.getString("episode_category"))
        .put("polarity", rs.getDouble("episode_polarity"))
        .put("confidence", rs.getDouble("episode_confidence"))
        .put("language", rs.getString("episode_language"))
        .put("question", rs.getInt("episode_question") == 1)
        .put("escalatedBy", rs.getString("escalated_by"))
        .put("messages", rs.getString("messages").split(",").length)
        .put("state", open ? "waiting" : "replied".equals(reason) ? "answered" : "closed")
        .put("closeReason", open || "replied".equals(reason) ? null : reason)
        .put("waitedSeconds", open ? Math.max(0, Duration.between(opened, now).toSeconds()) : null)
        .put("responseSeconds", open ? null : rs.getLong("response_ms") / 1000)
        .put("answeredAt", open ? null : Instant.ofEpochMilli(closed).toString())
        .put("events", events);
  }

  /** {@code GET /api/v1/sla}: per brand and platform, plus a total row {@code "*"}. */
  public synchronized JsonObject sla(String brand, String platform) {
    String sql = "SELECT brand, platform, category, opened_at, closed_at, close_reason, response_ms, warning_ms,"
        + " breach_ms, business_response_ms FROM episodes"
        + " WHERE (? IS NULL OR brand = ?) AND (? IS NULL OR platform = ?)";
    Map<String, SlaFigures> groups = new TreeMap<>();
    SlaFigures total = new SlaFigures();
    Instant now = clock.instant();
    // One calendar per (brand, platform, category): resolving builds it, and there are far fewer keys than rows.
    Map<String, BusinessCalendar> calendars = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, brand);
      s.setString(2, brand);
      s.setString(3, platform);
      s.setString(4, platform);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          SlaFigures.Row row = SlaFigures.Row.of(rs, now, calendar(calendars, rs));
          groups.computeIfAbsent(rs.getString("brand") + "/" + rs.getString("platform"), k -> new SlaFigures()).add(row);
          total.add(row);
        }
      }
    } catch (SQLException e) {
      throw new StoreException("computing SLA figures", e);
    }
    JsonArray rows = new JsonArray();
    groups.forEach((key, fig) -> rows.add(fig.toJson().put("brand", key.split("/")[0]).put("platform", key.split("/")[1])));
    return new JsonObject().put("at", now.toString()).put("groups", rows)
        .put("total", total.toJson().put("brand", "*").put("platform", "*"));
  }

  /** The calendar of the policy that applies to this row's episode now, as the SLA stage resolves it on restart. */
  private BusinessCalendar calendar(Map<String, BusinessCalendar> cache, ResultSet rs) throws SQLException {
    String brand = rs.getString("brand");
    String platform = rs.getString("platform");
    String category = rs.getString("category");
    return cache.computeIfAbsent(brand + "/" + platform + "/" + category, k -> Platform.parse(platform)
        .map(p -> SlaPolicy.resolve(policies, brand, p, Category.parse(category).orElse(Category.NEUTRAL)).calendar())
        .orElse(BusinessCalendar.ALWAYS));
  }

  /** {@code GET /api/v1/notifications}: outbox rows by state, newest first, with the last error. */
  public synchronized JsonObject notifications(String state, int limit) {
    String sql = "SELECT id, episode_id, level, channel, state, attempts, created_at, next_at, done_at, last_error"
        + " FROM outbox WHERE (? = 'all' OR state = ?) ORDER BY id DESC LIMIT ?";
    JsonArray items = new JsonArray();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, state);
      s.setString(2, state);
      s.setInt(3, limit);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long done = rs.getLong("done_at");
          boolean notDone = rs.wasNull();
          items.add(new JsonObject().put("id", rs.getLong("id")).put("episodeId", rs.getString("episode_id"))
              .put("level", rs.getString("level")).put("channel", rs.getString("channel"))
              .put("state", rs.getString("state")).put("attempts", rs.getInt("attempts"))
              .put("createdAt", Instant.ofEpochMilli(rs.getLong("created_at")).toString())
              .put("nextAttemptAt", "pending".equals(rs.getString("state"))
                  ? Instant.ofEpochMilli(rs.getLong("next_at")).toString() : null)
              .put("doneAt", notDone ? null : Instant.ofEpochMilli(done).toString())
              .put("lastError", rs.getString("last_error")));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("listing notifications", e);
    }
    return new JsonObject().put("state", state).put("count", items.size()).put("notifications", items);
  }

  /**
   * {@code GET /api/v1/rejected}: the items the pollers set aside because they could not be read, newest first by
   * first sighting; null platform means all. The JSON is the platform's, untrusted, and returned as a string;
   * {@code recoveredAt} says when a newer parser read it again at a poller's start (null while it waits).
   */
  public synchronized JsonObject rejected(String platform, int limit) {
    String sql = "SELECT platform, account, endpoint, item_id, reason, raw, raw_length, first_seen, last_seen,"
        + " recovered_at FROM rejected_items WHERE (? IS NULL OR platform = ?) ORDER BY first_seen DESC, item_key LIMIT ?";
    JsonArray items = new JsonArray();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, platform);
      s.setString(2, platform);
      s.setInt(3, limit);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          items.add(new JsonObject().put("platform", rs.getString("platform")).put("account", rs.getString("account"))
              .put("endpoint", rs.getString("endpoint")).put("itemId", rs.getString("item_id"))
              .put("reason", rs.getString("reason"))
              .put("firstSeen", Instant.ofEpochMilli(rs.getLong("first_seen")).toString())
              .put("lastSeen", Instant.ofEpochMilli(rs.getLong("last_seen")).toString())
              .put("rawLength", rs.getInt("raw_length")).put("raw", rs.getString("raw"))
              .put("recoveredAt", recoveredAt(rs)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("listing rejected items", e);
    }
    return new JsonObject().put("count", items.size()).put("rejected", items);
  }

  /** When a newer parser read the item again, or null while it still waits (and for rows of schema 5 and before). */
  private static String recoveredAt(ResultSet rs) throws SQLException {
    long at = rs.getLong("recovered_at");
    return rs.wasNull() ? null : Instant.ofEpochMilli(at).toString();
  }

  /** Nearest-rank percentile over sorted values; null when there are none. */
  static Long nearestRank(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  static List<Long> sorted(List<Long> values) {
    List<Long> copy = new ArrayList<>(values);
    copy.sort(null);
    return copy;
  }
}
