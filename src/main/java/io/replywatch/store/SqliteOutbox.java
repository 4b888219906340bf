package io.replywatch.store;

import io.replywatch.notify.Outbox;
import io.replywatch.sla.SlaEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The notifier's side of the outbox in SQLite ({@link Outbox}): what is due, and what became of each attempt. A row is {@code pending}
 * until sent ({@code sent}) or given up ({@code failed}, kept for inspection); {@code sending} while in flight,
 * and put back to {@code pending} on start, so a crash mid-send retries rather than loses.
 */
public final class SqliteOutbox implements Outbox {
  private final Connection c;

  public SqliteOutbox(Database db) {
    this.c = db.openWriter();
  }

  @Override
  public int resumeInFlight() {
    try (Statement s = c.createStatement()) {
      return s.executeUpdate("UPDATE outbox SET state = 'pending' WHERE state = 'sending'");
    } catch (SQLException e) {
      throw new StoreException("resuming the outbox", e);
    }
  }

  @Override
  public List<Delivered> deliveredSince(String channel, Instant resolvedSince) {
    List<Delivered> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT o.payload, o.done_at FROM outbox o"
        + " WHERE o.channel = ? AND o.state = 'sent' AND NOT EXISTS (SELECT 1 FROM outbox r"
        + " WHERE r.episode_id = o.episode_id AND r.channel = o.channel AND r.level = 'resolved'"
        + " AND r.state = 'sent' AND r.done_at < ?) ORDER BY o.done_at, o.id")) {
      s.setString(1, channel);
      s.setLong(2, resolvedSince.toEpochMilli());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new Delivered(SlaEventJson.decode(rs.getString(1)), Instant.ofEpochMilli(rs.getLong(2))));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("reading the outbox", e);
    }
    return out;
  }

  /**
   * A pending row that no earlier row (lower id) of the same episode and channel is still waiting for or in
   * flight ahead of: a retried page must reach the receiver before its own "resolved" (PagerDuty drops a resolve
   * for an incident it has not seen, and the late trigger then opens one that nothing resolves). A failed row is
   * final and does not hold the later ones back.
   */
  private static final String READY = "o.state = 'pending' AND NOT EXISTS (SELECT 1 FROM outbox e"
      + " WHERE e.episode_id = o.episode_id AND e.channel = o.channel AND e.id < o.id"
      + " AND e.state IN ('pending', 'sending'))";

  @Override
  public List<Item> takeDue(Instant now, int limit) {
    List<Item> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT id, channel, payload, attempts, created_at FROM outbox o"
        + " WHERE " + READY + " AND o.next_at <= ? ORDER BY o.next_at, o.id LIMIT ?")) {
      s.setLong(1, now.toEpochMilli());
      s.setInt(2, limit);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new Item(rs.getLong(1), rs.getString(2), SlaEventJson.decode(rs.getString(3)), rs.getInt(4),
              Instant.ofEpochMilli(rs.getLong(5))));
        }
      }
      if (!out.isEmpty()) {
        // One statement for the whole take, not one commit per row.
        String ids = out.stream().map(i -> Long.toString(i.id())).collect(java.util.stream.Collectors.joining(","));
        try (Statement mark = c.createStatement()) {
          mark.executeUpdate("UPDATE outbox SET state = 'sending' WHERE id IN (" + ids + ")");
        }
      }
    } catch (SQLException e) {
      throw new StoreException("reading the outbox", e);
    }
    return out;
  }

  @Override
  public Optional<Instant> nextDue() {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT min(o.next_at) FROM outbox o WHERE " + READY)) {
      long v = rs.next() ? rs.getLong(1) : 0;
      return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    } catch (SQLException e) {
      throw new StoreException("reading the outbox", e);
    }
  }

  @Override
  public void sent(long id, Instant now) {
    update("UPDATE outbox SET state = 'sent', attempts = attempts + 1, done_at = ?, last_error = NULL WHERE id = ?",
        now.toEpochMilli(), id);
  }

  @Override
  public void retry(long id, Instant nextAt, String error) {
    update("UPDATE outbox SET state = 'pending', attempts = attempts + 1, next_at = ?, last_error = ? WHERE id = ?",
        nextAt.toEpochMilli(), error, id);
  }

  @Override
  public void defer(long id, Instant until) {
    update("UPDATE outbox SET state = 'pending', next_at = ? WHERE id = ?", until.toEpochMilli(), id);
  }

  @Override
  public void failed(long id, Instant now, String error) {
    update("UPDATE outbox SET state = 'failed', attempts = attempts + 1, done_at = ?, last_error = ? WHERE id = ?",
        now.toEpochMilli(), error, id);
  }

  private void update(String sql, Object... args) {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("updating the outbox", e);
    }
  }
}
