package io.replywatch.store;

import static io.replywatch.testing.Posts.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.replywatch.config.Platform;
import io.replywatch.ingest.Rejected;
import io.replywatch.ingest.RejectedStore.Kept;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code rejected_items} table: each item once, its sightings, its JSON cut at a known length, and the items
 * waiting for a newer parser to read them again.
 */
class SqliteRejectedStoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void shouldKeepAnItemOnceAndMoveItsLastSighting() throws Exception {
    try (Database db = Database.open(dir.resolve("r.db"))) {
      SqliteRejectedStore store = new SqliteRejectedStore(db);
      Rejected item = Rejected.of(JSON.readTree("{\"id\":\"9\",\"created_at\":\"yesterday\"}"), Optional.of("9"),
          "bad timestamp 'yesterday'");
      assertTrue(store.keep(Platform.MASTODON, "acme", "notifications", item, T0), "new");
      assertFalse(store.keep(Platform.MASTODON, "acme", "notifications", item, T0.plusSeconds(60)), "seen again");
      assertFalse(store.keep(Platform.MASTODON, "acme", "search:acme", item, T0.plusSeconds(30)),
          "the same item found by another endpoint is the same item");
      assertTrue(store.keep(Platform.MASTODON, "acme-eu", "notifications", item, T0), "another account's is its own");
      assertTrue(store.keep(Platform.X, "acme", "notifications", item, T0), "so is another platform's");
      try (Statement s = db.openReader().createStatement(); ResultSet rs = s.executeQuery("SELECT endpoint, item_id,"
          + " reason, raw, raw_length, first_seen, last_seen FROM rejected_items WHERE platform = 'mastodon'"
          + " AND account = 'acme'")) {
        assertTrue(rs.next());
        assertEquals("notifications", rs.getString(1), "the first sighting's endpoint");
        assertEquals("9", rs.getString(2));
        assertEquals("bad timestamp 'yesterday'", rs.getString(3));
        assertEquals("{\"id\":\"9\",\"created_at\":\"yesterday\"}", rs.getString(4));
        assertEquals(rs.getString(4).length(), rs.getInt(5));
        assertEquals(T0.toEpochMilli(), rs.getLong(6));
        assertEquals(T0.plusSeconds(60).toEpochMilli(), rs.getLong(7), "the latest sighting");
        assertFalse(rs.next(), "one row");
      }
    }
  }

  /** An item without an id is known by its JSON: the same JSON again adds no row, other JSON does. */
  @Test
  void shouldKnowAnItemWithoutAnIdByItsJson() throws Exception {
    try (Database db = Database.open(dir.resolve("r.db"))) {
      SqliteRejectedStore store = new SqliteRejectedStore(db);
      Rejected a = Rejected.of(JSON.readTree("{\"text\":\"a\"}"), Optional.empty(), "missing field 'id'");
      Rejected again = Rejected.of(JSON.readTree("{\"text\": \"a\"}"), Optional.empty(), "missing field 'id'");
      Rejected b = Rejected.of(JSON.readTree("{\"text\":\"b\"}"), Optional.empty(), "missing field 'id'");
      assertTrue(store.keep(Platform.X, "acme", "mentions", a, T0));
      assertFalse(store.keep(Platform.X, "acme", "mentions", again, T0.plus(Duration.ofMinutes(15))));
      assertTrue(store.keep(Platform.X, "acme", "mentions", b, T0));
      assertEquals(2, count(db));
    }
  }

  /** A huge item is cut (on a character boundary) and says how long it was; an id or reason cannot split a line. */
  @Test
  void shouldCutTheJsonAndKeepTheIdAndReasonOnOneLine() throws Exception {
    String text = "x".repeat(Rejected.MAX_RAW) + "\uD83D\uDE00";
    Rejected big = Rejected.of(JSON.createObjectNode().put("id", "1\n2").put("text", text), Optional.of("1\n2"),
        "bad timestamp 'a\r\nWARN forged'");
    assertEquals(Rejected.MAX_RAW, big.raw().length());
    assertEquals(text.length() + "{\"id\":\"1\\n2\",\"text\":\"\"}".length(), big.rawLength());
    assertEquals(Optional.of("1 2"), big.id());
    assertEquals("bad timestamp 'a WARN forged'", big.reason());
    Rejected split = Rejected.of(JSON.createObjectNode().put("t", "x".repeat(Rejected.MAX_RAW - 7) + "\uD83D\uDE00"),
        Optional.empty(), "r");
    assertEquals(Rejected.MAX_RAW - 1, split.raw().length(), "no half of a surrogate pair at the cut");
  }

  /** A store of version 4 (before items were set aside) opens with its rows and gets the table. */
  @Test
  void shouldMigrateAStoreOfSchemaFour() throws Exception {
    Path file = storeOfSchema(4, "INSERT INTO cursors VALUES ('mastodon', 'acme', 'notifications', '77')");
    try (Database db = Database.open(file)) {
      assertEquals(Database.SCHEMA_VERSION, db.userVersion());
      assertEquals(Optional.of("77"), new SqliteCursorStore(db).get(Platform.MASTODON, "acme", "notifications"));
      assertTrue(new SqliteRejectedStore(db).keep(Platform.MASTODON, "acme", "notifications",
          Rejected.of(JSON.readTree("{}"), Optional.empty(), "missing field 'id'"), T0));
      assertEquals(1, count(db));
    }
  }

  /** A store of version 5 (items set aside, none read again) gains {@code recovered_at}: its rows survive, waiting. */
  @Test
  void shouldMigrateAStoreOfSchemaFiveAndKeepItsItemsWaiting() throws Exception {
    Path file = storeOfSchema(5, "INSERT INTO rejected_items VALUES ('x', 'acme', '7', 'mentions', '7',"
        + " 'missing field ''created_at''', '{\"id\":\"7\"}', 10, 1000, 2000)");
    try (Database db = Database.open(file)) {
      assertEquals(Database.SCHEMA_VERSION, db.userVersion());
      SqliteRejectedStore store = new SqliteRejectedStore(db);
      assertEquals(List.of(new Kept("7", "mentions", "{\"id\":\"7\"}", 10)), waiting(store, "acme"), "waiting");
      store.recovered(Platform.X, "acme", "7", T0);
      assertEquals(List.of(), waiting(store, "acme"), "read again: no longer waiting");
      assertEquals(1, count(db), "the row stays, for an operator to look at");
    }
  }

  /**
   * The items waiting to be read again: those of the account not marked yet; a cut one is left out, a whole one
   * with characters outside the BMP is not (SQLite counts one character where Java counts two). A second mark keeps
   * the first time.
   */
  @Test
  void shouldGiveTheWholeItemsNotReadAgainAndMarkEachOnce() throws Exception {
    try (Database db = Database.open(dir.resolve("r.db"))) {
      SqliteRejectedStore store = new SqliteRejectedStore(db);
      Rejected emoji = Rejected.of(JSON.createObjectNode().put("id", "1").put("text", "broken \uD83D\uDE20"),
          Optional.of("1"), "r");
      Rejected cut = Rejected.of(JSON.createObjectNode().put("id", "2").put("text", "x".repeat(Rejected.MAX_RAW)),
          Optional.of("2"), "r");
      store.keep(Platform.X, "acme", "mentions", emoji, T0);
      store.keep(Platform.X, "acme", "mentions", cut, T0);
      store.keep(Platform.X, "acme", "tweets", Rejected.of(JSON.readTree("{\"id\":\"3\"}"), Optional.of("3"), "r"), T0);
      store.keep(Platform.X, "other", "mentions", Rejected.of(JSON.readTree("{}"), Optional.empty(), "r"), T0);
      store.recovered(Platform.X, "acme", "3", T0);
      store.recovered(Platform.X, "acme", "3", T0.plusSeconds(60));
      List<Kept> waiting = waiting(store, "acme");
      assertEquals(List.of(new Kept("1", "mentions", emoji.raw(), emoji.rawLength())), waiting);
      assertTrue(waiting.get(0).whole());
      assertFalse(new Kept("2", "mentions", cut.raw(), cut.rawLength()).whole(), "a cut one is not whole");
      try (Statement s = db.openReader().createStatement();
          ResultSet rs = s.executeQuery("SELECT recovered_at FROM rejected_items WHERE item_key = '3'")) {
        assertTrue(rs.next());
        assertEquals(T0.toEpochMilli(), rs.getLong(1), "the first mark stands");
      }
    }
  }

  private static List<Kept> waiting(SqliteRejectedStore store, String account) {
    List<Kept> items = new ArrayList<>();
    store.eachWaiting(Platform.X, account, items::add);
    return items;
  }

  /** A file with the schema of {@code version}, as that version's build wrote it, and {@code rows} inserted. */
  private Path storeOfSchema(int version, String... rows) throws Exception {
    Path file = dir.resolve("v" + version + ".db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      for (String migration : Database.MIGRATIONS.subList(0, version)) {
        for (String sql : migration.split(";\\s*\\n")) {
          if (!sql.isBlank()) {
            s.execute(sql);
          }
        }
      }
      s.execute("PRAGMA user_version=" + version);
      for (String row : rows) {
        s.execute(row);
      }
    }
    return file;
  }

  private static int count(Database db) throws Exception {
    try (Statement s = db.openReader().createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM rejected_items")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
