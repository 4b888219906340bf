package io.replywatch.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.replywatch.store.Database;
import io.replywatch.store.SqliteRejectedStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A real {@code rejected_items} table in a throwaway SQLite file, for poller tests: the store the service uses, and
 * its rows read back as an operator would.
 */
public final class RejectedTable implements AutoCloseable {

  /** One row of the table; {@code recoveredAt} is null while the item waits to be read again. */
  public record Row(String platform, String account, String key, String endpoint, String itemId, String reason,
      String raw, long firstSeen, long lastSeen, Long recoveredAt) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final Database db;
  private final Connection reader;
  private final Connection writer;
  public final RejectedStore store;

  public RejectedTable() throws IOException {
    dir = Files.createTempDirectory("replywatch-rejected");
    db = Database.open(dir.resolve("replywatch.db"));
    store = new SqliteRejectedStore(db);
    reader = db.openReader();
    writer = db.openWriter();
  }

  public List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("SELECT platform, account, item_key,"
        + " endpoint, item_id, reason, raw, first_seen, last_seen, recovered_at FROM rejected_items"
        + " ORDER BY first_seen, item_key")) {
      while (rs.next()) {
        long at = rs.getLong(10);
        Long recovered = rs.wasNull() ? null : at;
        rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getLong(8), rs.getLong(9), recovered));
      }
    } catch (SQLException e) {
      throw new AssertionError("reading rejected_items", e);
    }
    return rows;
  }

  /**
   * Rewrites the stored JSON of the one row of {@code endpoint} with {@code fix}, as an older version would have
   * stored an item that today's parser reads; returns the row's key.
   */
  public String rewrite(String endpoint, Consumer<ObjectNode> fix) {
    List<Row> of = rows().stream().filter(r -> r.endpoint().equals(endpoint)).toList();
    if (of.size() != 1) {
      throw new AssertionError("one row of " + endpoint + " expected: " + of);
    }
    try (PreparedStatement s = writer.prepareStatement(
        "UPDATE rejected_items SET raw = ?, raw_length = ? WHERE item_key = ?")) {
      ObjectNode item = (ObjectNode) JSON.readTree(of.get(0).raw());
      fix.accept(item);
      s.setString(1, item.toString());
      s.setInt(2, item.toString().length());
      s.setString(3, of.get(0).key());
      s.executeUpdate();
    } catch (SQLException | IOException e) {
      throw new AssertionError("rewriting a row of rejected_items", e);
    }
    return of.get(0).key();
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
