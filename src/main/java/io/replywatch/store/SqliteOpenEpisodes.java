package io.replywatch.store;

import io.replywatch.config.Platform;
import io.replywatch.ingest.OpenEpisodes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The open episodes the pollers watch for deleted posts ({@link OpenEpisodes}), on a reader connection of its own
 * (WAL lets it read while the SLA stage writes). Synchronized: one connection serves every poller's worker.
 */
public final class SqliteOpenEpisodes implements OpenEpisodes {
  // The opening mention's account says which of the brand's accounts on the platform the episode came to.
  private static final String SQL = """
      SELECT e.id, e.opened_at, e.messages FROM episodes e
      JOIN mentions m ON m.platform = e.platform AND m.id = e.mention_id
      WHERE e.closed_at IS NULL AND e.brand = ? AND e.platform = ? AND m.account = ?
      ORDER BY e.opened_at LIMIT ?""";

  private final Connection c;

  public SqliteOpenEpisodes(Database db) {
    this.c = db.openReader();
  }

  @Override
  public synchronized List<Watched> open(Platform platform, String brand, String account, int limit) {
    List<Watched> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(SQL)) {
      s.setString(1, brand);
      s.setString(2, platform.id());
      s.setString(3, account);
      s.setInt(4, limit);
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
