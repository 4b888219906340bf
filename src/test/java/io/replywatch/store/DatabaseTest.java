package io.replywatch.store;

import static io.replywatch.testing.Posts.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.ingest.Post;
import io.replywatch.sla.SlaStore;
import io.replywatch.testing.Posts;
import io.replywatch.usage.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  @TempDir
  Path dir;

  /**
   * A store transaction holds the write lock from its start: another writer cannot slip a write in between its
   * reads and its writes. With SQLite's deferred transactions it could, and the transaction's first write then failed
   * with SQLITE_BUSY_SNAPSHOT (a service restart failed that way while a poller stored a cursor).
   */
  @Test
  void shouldHoldTheWriteLockFromTheStartOfATransaction() throws Exception {
    try (Database db = Database.open(dir.resolve("lock.db"))) {
      Connection other = db.openWriter();
      try (Statement s = other.createStatement()) {
        s.execute("PRAGMA busy_timeout=0");
      }
      SlaStore store = new SqliteSlaStore(db);
      store.inTransaction(() -> {
        try (Statement read = db.connection().createStatement()) {
          read.executeQuery("SELECT count(*) FROM cursors").close();
          java.sql.SQLException busy = assertThrows(java.sql.SQLException.class, () -> other.createStatement()
              .executeUpdate("INSERT INTO cursors (platform, account, endpoint, cursor) VALUES ('x', 'a', 'e', 'v')"));
          assertTrue(busy.getMessage().contains("SQLITE_BUSY"), busy.getMessage());
          read.executeUpdate("INSERT INTO cursors (platform, account, endpoint, cursor) VALUES ('x', 'a', 'e', '1')");
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      });
    }
  }

  @Test
  void shouldCreateTheSchemaInWalModeAndReopenIt() throws Exception {
    Path file = dir.resolve("sub/dir/r.db");
    try (Database db = Database.open(file)) {
      assertEquals(Database.SCHEMA_VERSION, db.userVersion());
      try (Statement s = db.connection().createStatement(); var rs = s.executeQuery("PRAGMA journal_mode")) {
        rs.next();
        assertEquals("wal", rs.getString(1));
      }
    }
    try (Database again = Database.open(file)) {
      assertEquals(Database.SCHEMA_VERSION, again.userVersion());
    }
  }

  @Test
  void shouldSayWhenTheStoresDirectoryIsAFile() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("notes.txt"), "x");
    Path file = notADirectory.resolve("r.db");
    UsageException e = assertThrows(UsageException.class, () -> Database.open(file));
    assertEquals(file + ": cannot open the store: " + notADirectory + " is not a directory", e.getMessage());
  }

  /**
   * A clean stop leaves only the database file: the writers and readers handed out close with it, so SQLite folds
   * the WAL back into the file and removes it (a copy of the file alone after a stop is then the whole store).
   */
  @Test
  void shouldFoldTheWalIntoTheFileWhenClosedWithItsWritersAndReadersOpen() throws Exception {
    Path file = dir.resolve("w.db");
    try (Database db = Database.open(file)) {
      Connection writer = db.openWriter();
      db.openReader();
      try (Statement s = writer.createStatement()) {
        s.execute("INSERT INTO posts VALUES ('mastodon', 'm1', 'acme', 'm1', 'jane', " + T0.toEpochMilli() + ")");
      }
    }
    assertFalse(Files.exists(dir.resolve("w.db-wal")), "WAL left behind");
    assertFalse(Files.exists(dir.resolve("w.db-shm")), "shared-memory file left behind");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM posts")) {
      rs.next();
      assertEquals(1, rs.getInt(1));
    }
  }

  /** A store of version 2 (before replies waiting for their parent were kept) opens with its rows and keeps them. */
  @Test
  void shouldMigrateAStoreOfSchemaTwoKeepingItsRowsAndAddTheHeldReplies() throws Exception {
    Path file = dir.resolve("v2.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      for (String migration : Database.MIGRATIONS.subList(0, 2)) {
        for (String sql : migration.split(";\\s*\\n")) {
          if (!sql.isBlank()) {
            s.execute(sql);
          }
        }
      }
      s.execute("PRAGMA user_version=2");
      s.execute("INSERT INTO posts VALUES ('mastodon', 'm1', 'acme', 'm1', 'jane', " + T0.toEpochMilli() + ")");
      s.execute("INSERT INTO episodes (id, brand, platform, mention_id, conversation, customer_id, opened_at, category,"
          + " first, messages, business_response_ms) VALUES ('mastodon-m1', 'acme', 'mastodon', 'm1', 'm1', 'jane', "
          + T0.toEpochMilli() + ", 'complaint', 1, 'm1@0', 600000)");
    }
    try (Database db = Database.open(file)) {
      assertEquals(Database.SCHEMA_VERSION, db.userVersion());
      SlaStore store = new SqliteSlaStore(db);
      assertEquals(List.of("m1"), store.postsSince(T0).stream().map(SlaStore.KnownPost::id).toList());
      try (Statement s = db.connection().createStatement();
          var rs = s.executeQuery("SELECT business_response_ms FROM episodes WHERE id = 'mastodon-m1'")) {
        assertTrue(rs.next());
        assertEquals(600_000, rs.getLong(1));
      }
      Post reply = Posts.post("r1", "acme", T0.plusSeconds(600), "m1");
      store.inTransaction(() -> store.savePendingReply("acme", reply));
      assertEquals(List.of(reply), store.pendingRepliesSince(T0));
    }
  }

  /** Held replies past the week that recovery reloads are forgotten, so the table cannot grow for ever. */
  @Test
  void shouldForgetHeldRepliesOlderThanTheRecoveryWindowAndDeleteResolvedOnes() {
    try (Database db = Database.open(dir.resolve("r.db"))) {
      SlaStore store = new SqliteSlaStore(db);
      Post old = Posts.post("r0", "acme", T0.minus(Duration.ofDays(8)), "m0");
      Post recent = Posts.post("r1", "acme", T0.minus(Duration.ofDays(6)), "m1");
      Post resolved = Posts.post("r2", "acme", T0, "m2");
      store.inTransaction(() -> List.of(old, recent, resolved).forEach(p -> store.savePendingReply("acme", p)));
      store.inTransaction(() -> {
        store.deletePendingReply(resolved);
        store.forgetPendingRepliesBefore(T0.minus(Duration.ofDays(7)));
      });
      assertEquals(List.of(recent), store.pendingRepliesSince(Instant.EPOCH));
    }
  }

  @Test
  void shouldRefuseAFileFromANewerVersionAndLeaveItAlone() throws Exception {
    Path file = dir.resolve("newer.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE future (x INTEGER)");
      s.execute("PRAGMA user_version=" + (Database.SCHEMA_VERSION + 1));
    }
    byte[] before = Files.readAllBytes(file);
    UsageException e = assertThrows(UsageException.class, () -> Database.open(file));
    assertTrue(e.getMessage().contains("schema version " + (Database.SCHEMA_VERSION + 1) + ", newer than this build's"),
        e.getMessage());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "the file was not changed");
  }

  @Test
  void shouldSayClearlyWhenTheFileIsNotADatabase() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.db"), "these are my notes, not a database".repeat(100));
    UsageException e = assertThrows(UsageException.class, () -> Database.open(file));
    assertTrue(e.getMessage().startsWith(file + ": cannot open the store"), e.getMessage());
  }
}
