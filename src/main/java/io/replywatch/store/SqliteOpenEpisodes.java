package io.replywatch.store;

import io.replywatch.classify.Category;
import io.replywatch.config.Platform;
import io.replywatch.ingest.OpenEpisodes;
import io.vertx.core.json.JsonArray;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The open episodes the pollers watch for deleted posts ({@link OpenEpisodes}), on a reader connection of its own
 * (WAL lets it read while the SLA stage writes). Synchronized: one connection serves every poller's worker.
 */
public final class SqliteOpenEpisodes implements OpenEpisodes {
  // The opening mention's account says which of the brand's accounts on the platform the episode came to. Only
  // episodes that alert or have alerted: praise and neutral mentions wait unanswered for ever under the default
  // policies, and looking them up would spend the rate limit (and on X the monthly Post cap) on nothing on-call sees.
  private static final String SQL = """
      SELECT e.id, e.opened_at, e.messages FROM episodes e
      JOIN mentions m ON m.platform = e.platform AND m.id = e.mention_id
      WHERE e.closed_at IS NULL AND e.brand = ? AND e.platform = ? AND m.account = ?
        AND (e.warning_fired = 1 OR e.breach_fired = 1 OR e.category IN (SELECT value FROM json_each(?)))
      ORDER BY e.opened_at LIMIT ?""";

  private final Connection c;
  private final BiFunction<String, Platform, Set<Category>> alerting;

  /**
   * @param alerting the categories whose policy has a target for a brand on a platform: only their episodes (and
   *     any that already alerted) are watched
   */
  public SqliteOpenEpisodes(Database db, BiFunction<String, Platform, Set<Category>> alerting) {
    this.c = db.openReader();
    this.alerting = alerting;
  }

  @Override
  public synchronized List<Watched> open(Platform platform, String brand, String account, int limit) {
    List<Watched> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(SQL)) {
      s.setString(1, brand);
      s.setString(2, platform.id());
      s.setString(3, account);
      JsonArray categories = new JsonArray();
      alerting.apply(brand, platform).forEach(cat -> categories.add(cat.id()));
      s.setString(4, categories.encode());
      s.setInt(5, limit);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new Watched(rs.getString("id"), Instant.ofEpochMilli(rs.getLong("opened_at")),
              MessageKeys.parse(rs.getString("messages")).stream().map(MessageKeys.Key::id).toList()));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("reading open episodes of " + platform.id() + "/" + account, e);
    }
    return out;
  }
}
