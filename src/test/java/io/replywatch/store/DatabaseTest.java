package io.replywatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.cli.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  @TempDir
  Path dir;

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
