package io.replywatch.store;

import io.replywatch.config.Platform;
import io.replywatch.ingest.CursorStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Poll cursors in the store, so a restart resumes where the last handed-on page ended. Statements are tiny and
 * serialised on its own connection, so pollers on several event loops may share it.
 */
public final class SqliteCursorStore implements CursorStore {
  private final Connection db;

  public SqliteCursorStore(Database database) {
    this.db = database.openWriter();
  }

  @Override
  public Optional<String> get(Platform platform, String account, String endpoint) {
    synchronized (db) {
      try (PreparedStatement s = db.prepareStatement(
          "SELECT cursor FROM cursors WHERE platform = ? AND account = ? AND endpoint = ?")) {
        s.setString(1, platform.id());
        s.setString(2, account);
        s.setString(3, endpoint);
        try (ResultSet rs = s.executeQuery()) {
          return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
      } catch (SQLException e) {
        throw new StoreException("reading a cursor", e);
      }
    }
  }

  @Override
  public void put(Platform platform, String account, String endpoint, String cursor) {
    synchronized (db) {
      try (PreparedStatement s = db.prepareStatement("INSERT INTO cursors VALUES (?,?,?,?) ON CONFLICT "
          + "(platform, account, endpoint) DO UPDATE SET cursor = excluded.cursor")) {
        s.setString(1, platform.id());
        s.setString(2, account);
        s.setString(3, endpoint);
        s.setString(4, cursor);
        s.executeUpdate();
      } catch (SQLException e) {
        throw new StoreException("writing a cursor", e);
      }
    }
  }
}
