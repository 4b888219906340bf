package io.replywatch.store;

import io.replywatch.usage.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded SQLite file (WAL mode): opens it, migrates the schema forward on start, and refuses a file written
 * by a newer version instead of damaging it. Committed transactions survive {@code kill -9}: WAL keeps them in
 * the log file, and SQLite replays it on the next open.
 */
public final class Database implements AutoCloseable {
  /** The schema this build writes. Bump it and append to {@link #MIGRATIONS} for every change. */
  public static final int SCHEMA_VERSION = 6;

  /** Migration {@code v} takes a store from schema version {@code v} to {@code v + 1}. */
  static final List<String> MIGRATIONS = List.of("""
      CREATE TABLE mentions (
        platform TEXT NOT NULL, id TEXT NOT NULL, brand TEXT NOT NULL, account TEXT NOT NULL,
        author_id TEXT NOT NULL, author_handle TEXT NOT NULL, text TEXT NOT NULL,
        created_at INTEGER NOT NULL, received_at INTEGER NOT NULL, in_reply_to TEXT, conversation_id TEXT,
        permalink TEXT NOT NULL, platform_language TEXT,
        category TEXT NOT NULL, polarity REAL NOT NULL, confidence REAL NOT NULL, language TEXT NOT NULL,
        question INTEGER NOT NULL,
        PRIMARY KEY (platform, id));
      CREATE TABLE posts (
        platform TEXT NOT NULL, id TEXT NOT NULL, brand TEXT NOT NULL, conversation TEXT NOT NULL,
        customer_id TEXT, created_at INTEGER NOT NULL,
        PRIMARY KEY (platform, id));
      CREATE INDEX posts_created ON posts (created_at);
      CREATE TABLE episodes (
        id TEXT PRIMARY KEY, brand TEXT NOT NULL, platform TEXT NOT NULL, mention_id TEXT NOT NULL,
        conversation TEXT NOT NULL, customer_id TEXT NOT NULL, opened_at INTEGER NOT NULL,
        category TEXT NOT NULL, first INTEGER NOT NULL, messages TEXT NOT NULL,
        warning_fired INTEGER NOT NULL DEFAULT 0, breach_fired INTEGER NOT NULL DEFAULT 0,
        closed_at INTEGER, close_reason TEXT, response_ms INTEGER,
        warning_ms INTEGER, breach_ms INTEGER);
      CREATE INDEX episodes_open ON episodes (closed_at);
      CREATE TABLE sla_events (
        episode_id TEXT NOT NULL, level TEXT NOT NULL, at INTEGER NOT NULL, waited_ms INTEGER NOT NULL,
        PRIMARY KEY (episode_id, level));
      CREATE TABLE cursors (
        platform TEXT NOT NULL, account TEXT NOT NULL, endpoint TEXT NOT NULL, cursor TEXT NOT NULL,
        PRIMARY KEY (platform, account, endpoint));
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT, episode_id TEXT NOT NULL, level TEXT NOT NULL,
        channel TEXT NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL, next_at INTEGER NOT NULL, done_at INTEGER, last_error TEXT,
        payload TEXT NOT NULL,
        UNIQUE (episode_id, level, channel));
      CREATE INDEX outbox_due ON outbox (state, next_at);
      """,
      // The response time in the episode's policy's business time, which its targets are judged in. Kept at close
      // so later changes to the calendars do not rewrite history; NULL for episodes closed before version 2.
      """
      ALTER TABLE episodes ADD COLUMN business_response_ms INTEGER;
      """,
      // Brand replies seen before the post they answer, one per parent as the tracker holds them: without them a
      // restart forgets the answer, and the parent, arriving later, opens an episode that alerts for nothing.
      """
      CREATE TABLE pending_replies (
        platform TEXT NOT NULL, in_reply_to TEXT NOT NULL, id TEXT NOT NULL, brand TEXT NOT NULL,
        author_id TEXT NOT NULL, author_handle TEXT NOT NULL, text TEXT NOT NULL, created_at INTEGER NOT NULL,
        conversation_id TEXT, permalink TEXT NOT NULL, platform_language TEXT,
        PRIMARY KEY (platform, in_reply_to));
      """,
      // The follow-up (a mention on the episode's platform) whose classification an escalated episode took; NULL
      // when it keeps its opening's. A restart must restore the complaint's clock, not the greeting's silence.
      """
      ALTER TABLE episodes ADD COLUMN escalated_by TEXT;
      """,
      // Items of well-formed pages that could not be read, set aside so the rest of the page goes on: kept for a
      // person to look at, once per item (its id, else a digest of its JSON), however often the platform resends it.
      // Times are epoch milliseconds; raw is cut at Rejected.MAX_RAW characters, raw_length says how long it was.
      """
      CREATE TABLE rejected_items (
        platform TEXT NOT NULL, account TEXT NOT NULL, item_key TEXT NOT NULL, endpoint TEXT NOT NULL,
        item_id TEXT, reason TEXT NOT NULL, raw TEXT NOT NULL, raw_length INTEGER NOT NULL,
        first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL,
        PRIMARY KEY (platform, account, item_key));
      CREATE INDEX rejected_items_first_seen ON rejected_items (first_seen);
      """,
      // When a newer parser read an item set aside by an older one (epoch milliseconds; NULL while it still waits):
      // a poller reads its account's waiting items again at start, and this keeps it from reading one twice.
      """
      ALTER TABLE rejected_items ADD COLUMN recovered_at INTEGER;
      """);

  private final Path path;
  private final Connection connection;
  /** The writers and readers handed out, closed with the store: SQLite removes the WAL only when the last closes. */
  private final List<Connection> extras = new ArrayList<>();

  private Database(Path path, Connection connection) {
    this.path = path;
    this.connection = connection;
  }

  /** Opens (creating if needed) and migrates; a file of a newer schema, or not a database, is a clear error. */
  public static Database open(Path path) {
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + path, writing());
      Database db = new Database(path, c);
      // The version is checked before anything is set: even journal_mode=WAL rewrites a newer file's header.
      db.refuseNewer();
      db.configure();
      db.migrate();
      return db;
    } catch (java.nio.file.FileAlreadyExistsException e) {
      // createDirectories met a file where a directory should be; its message is only that file's name.
      throw new UsageException(path + ": cannot open the store: " + e.getFile() + " is not a directory", e);
    } catch (SQLException | java.io.IOException e) {
      throw new UsageException(path + ": cannot open the store: " + e.getMessage(), e);
    }
  }

  private void configure() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA synchronous=NORMAL");
      s.execute("PRAGMA busy_timeout=5000");
      s.execute("PRAGMA foreign_keys=ON");
    }
  }

  private void refuseNewer() throws SQLException {
    int version = userVersion();
    if (version > SCHEMA_VERSION) {
      connection.close();
      throw new UsageException(path + ": the store has schema version " + version + ", newer than this build's "
          + SCHEMA_VERSION + "; run a newer Replywatch, or point storage.path at another file. The file was not changed.");
    }
  }

  private void migrate() throws SQLException {
    int version = userVersion();
    connection.setAutoCommit(false);
    try (Statement s = connection.createStatement()) {
      for (int v = version; v < SCHEMA_VERSION; v++) {
        for (String sql : MIGRATIONS.get(v).split(";\\s*\\n")) {
          if (!sql.isBlank()) {
            s.execute(sql);
          }
        }
      }
      s.execute("PRAGMA user_version=" + SCHEMA_VERSION);
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  int userVersion() throws SQLException {
    try (Statement s = connection.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  public Path path() {
    return path;
  }

  /** The one connection; callers serialise access (one owner thread, or synchronized on this database). */
  Connection connection() {
    return connection;
  }

  /** Another writing connection, for a component on another thread (SQLite serialises the writes). */
  public Connection openWriter() {
    return openExtra("PRAGMA synchronous=NORMAL", "writer");
  }

  /** A separate connection for readers (the HTTP API), which WAL lets read while the writer writes. */
  public Connection openReader() {
    return openExtra("PRAGMA query_only=ON", "reader");
  }

  /**
   * Connection settings of a writer: a transaction takes the write lock when it begins. A deferred one (SQLite's
   * default) that read first and wrote later failed with SQLITE_BUSY_SNAPSHOT whenever another connection (the
   * cursors, the items set aside) had written in between, and busy_timeout cannot help a snapshot already stale;
   * an immediate one waits its turn at the start instead.
   */
  private static java.util.Properties writing() {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("transaction_mode", "IMMEDIATE");
    return p;
  }

  private Connection openExtra(String pragma, String role) {
    try {
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + path,
          "reader".equals(role) ? new java.util.Properties() : writing());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout=5000");
        s.execute(pragma);
      }
      synchronized (extras) {
        extras.add(c);
      }
      return c;
    } catch (SQLException e) {
      throw new StoreException("cannot open a " + role + " on " + path, e);
    }
  }

  @Override
  public void close() {
    try {
      synchronized (extras) {
        for (Connection c : extras) {
          c.close();
        }
        extras.clear();
      }
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("closing " + path, e);
    }
  }
}
