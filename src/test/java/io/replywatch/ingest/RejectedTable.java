package io.replywatch.ingest;

import io.replywatch.store.Database;
import io.replywatch.store.SqliteRejectedStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real {@code rejected_items} table in a throwaway SQLite file, for poller tests: the store the service uses, and
 * its rows read back as an operator would.
 */
public final class RejectedTable implements AutoCloseable {

  /** One row of the table. */
  public record Row(String platform, String account, String endpoint, String itemId, String reason, String raw,
      long firstSeen, long lastSeen) {}

  private final Path dir;
  private final Database db;
  private final Connection reader;
  public final RejectedStore store;

  public RejectedTable() throws IOException {
    dir = Files.createTempDirectory("replywatch-rejected");
    db = Database.open(dir.resolve("replywatch.db"));
    store = new SqliteRejectedStore(db);
    reader = db.openReader();
  }

  public List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("SELECT platform, account, endpoint,"
        + " item_id, reason, raw, first_seen, last_seen FROM rejected_items ORDER BY first_seen, item_key")) {
      while (rs.next()) {
        rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getLong(7), rs.getLong(8)));
      }
    } catch (SQLException e) {
      throw new AssertionError("reading rejected_items", e);
    }
    return rows;
  }

  @Override
  public void close() throws IOException {
    db.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
