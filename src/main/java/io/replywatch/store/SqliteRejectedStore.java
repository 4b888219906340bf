package io.replywatch.store;

import io.replywatch.config.Platform;
import io.replywatch.ingest.Rejected;
import io.replywatch.ingest.RejectedStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Items the pollers set aside, in the {@code rejected_items} table: one row per (platform, account, item key), the
 * first sighting's endpoint, reason and JSON, the last sighting's time, and when a newer parser read it again
 * ({@code recovered_at}). Like the cursors, on a connection of its own with tiny statements serialised on it, so
 * pollers on several event loops may share it.
 */
public final class SqliteRejectedStore implements RejectedStore {
  private final Connection db;

  public SqliteRejectedStore(Database database) {
    this.db = database.openWriter();
  }

  @Override
  public boolean keep(Platform platform, String account, String endpoint, Rejected item, Instant seenAt) {
    synchronized (db) {
      try {
        if (insert(platform, account, endpoint, item, seenAt) == 1) {
          return true;
        }
        update("last_seen = max(last_seen, ?)", seenAt, platform, account, item.key());
        return false;
      } catch (SQLException e) {
        throw new StoreException("keeping an item set aside", e);
      }
    }
  }

  /**
   * Rows not read again yet; those whose {@code raw_length} is past {@link Rejected#MAX_RAW} were cut and are left
   * out here (the exact test, {@link Kept#whole()}, counts UTF-16 units as Java does; SQLite counts characters).
   */
  @Override
  public void eachWaiting(Platform platform, String account, Consumer<Kept> each) {
    synchronized (db) {
      try (PreparedStatement s = db.prepareStatement("SELECT item_key, endpoint, raw, raw_length FROM rejected_items"
          + " WHERE platform = ? AND account = ? AND recovered_at IS NULL AND raw_length <= ? ORDER BY first_seen")) {
        s.setString(1, platform.id());
        s.setString(2, account);
        s.setInt(3, Rejected.MAX_RAW);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            each.accept(new Kept(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
          }
        }
      } catch (SQLException e) {
        throw new StoreException("reading the items set aside", e);
      }
    }
  }

  @Override
  public void recovered(Platform platform, String account, String key, Instant at) {
    synchronized (db) {
      try {
        update("recovered_at = coalesce(recovered_at, ?)", at, platform, account, key);
      } catch (SQLException e) {
        throw new StoreException("marking an item set aside as read again", e);
      }
    }
  }

  /** Sets one column of an item's row, {@code set} taking {@code at} in epoch milliseconds as its one parameter. */
  private void update(String set, Instant at, Platform platform, String account, String key) throws SQLException {
    try (PreparedStatement s = db.prepareStatement("UPDATE rejected_items SET " + set
        + " WHERE platform = ? AND account = ? AND item_key = ?")) {
      s.setLong(1, at.toEpochMilli());
      s.setString(2, platform.id());
      s.setString(3, account);
      s.setString(4, key);
      s.executeUpdate();
    }
  }

  /** 1 when the row is new, 0 when the item was kept before. */
  private int insert(Platform platform, String account, String endpoint, Rejected item, Instant seenAt)
      throws SQLException {
    try (PreparedStatement s = db.prepareStatement("INSERT OR IGNORE INTO rejected_items (platform, account,"
        + " item_key, endpoint, item_id, reason, raw, raw_length, first_seen, last_seen) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
      s.setString(1, platform.id());
      s.setString(2, account);
      s.setString(3, item.key());
      s.setString(4, endpoint);
      s.setString(5, item.id().orElse(null));
      s.setString(6, item.reason());
      s.setString(7, item.raw());
      s.setInt(8, item.rawLength());
      s.setLong(9, seenAt.toEpochMilli());
      s.setLong(10, seenAt.toEpochMilli());
      return s.executeUpdate();
    }
  }
}
