package io.replywatch.store;

import io.replywatch.classify.Category;
import io.replywatch.classify.Classification;
import io.replywatch.config.Platform;
import io.replywatch.ingest.Mention;
import io.replywatch.ingest.Post;
import io.replywatch.sla.Episode;
import io.replywatch.sla.Level;
import io.replywatch.sla.SlaEvent;
import io.replywatch.sla.SlaStore;
import io.replywatch.sla.SlaStore.KnownPost;
import io.replywatch.sla.SlaStore.OpenEpisode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SLA stage's durable state in SQLite ({@link SlaStore}): mentions with their classification, known posts,
 * brand replies waiting for their parent, episodes and the SLA events fired. Written by the one thread that owns the tracker, one transaction per
 * poll batch or deadline, so after a crash the store holds either all of a batch or none of it.
 */
public final class SqliteSlaStore implements SlaStore {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SqliteSlaStore.class);
  private final Connection c;
  /** Prepared once per statement text: preparing costs more than running these small statements. */
  private final java.util.Map<String, PreparedStatement> prepared = new java.util.HashMap<>();

  public SqliteSlaStore(Database db) {
    this.c = db.connection();
  }

  /**
   * Runs {@code work} in one transaction, then goes back to autocommit: the driver begins the next transaction as
   * soon as one commits, and left so it would hold the write lock (or an ever older snapshot) between batches.
   */
  @Override
  public void inTransaction(Runnable work) {
    try {
      c.setAutoCommit(false);
      work.run();
      c.commit();
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback();
      } catch (SQLException ignored) {
        // the original failure matters more
      }
      throw e instanceof RuntimeException r ? r : new StoreException("transaction failed", e);
    } finally {
      try {
        c.setAutoCommit(true);
      } catch (SQLException e) {
        LOG.warn("store connection stays in a transaction: {}", e.getMessage());
      }
    }
  }

  @Override
  public void saveMention(Mention m, Classification cl) {
    Post p = m.post();
    update("INSERT OR IGNORE INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        p.platform().id(), p.id(), m.brand(), m.account(), p.authorId(), p.authorHandle(), p.text(),
        p.createdAt().toEpochMilli(), m.receivedAt().toEpochMilli(), p.inReplyToId().orElse(null),
        p.conversationId().orElse(null), p.permalink(), p.language().orElse(null), cl.category().id(),
        cl.polarity(), cl.confidence(), cl.language(), cl.question() ? 1 : 0);
  }

  @Override
  public void savePost(String brand, Post p, String conversation, String customerId) {
    update("INSERT OR IGNORE INTO posts VALUES (?,?,?,?,?,?)", p.platform().id(), p.id(), brand, conversation,
        customerId, p.createdAt().toEpochMilli());
  }

  @Override
  public void savePendingReply(String brand, Post p) {
    update("""
        INSERT OR REPLACE INTO pending_replies (platform, in_reply_to, id, brand, author_id, author_handle, text,
          created_at, conversation_id, permalink, platform_language)
        VALUES (?,?,?,?,?,?,?,?,?,?,?)""",
        p.platform().id(), p.inReplyToId().orElseThrow(), p.id(), brand, p.authorId(), p.authorHandle(), p.text(),
        p.createdAt().toEpochMilli(), p.conversationId().orElse(null), p.permalink(), p.language().orElse(null));
  }

  @Override
  public void deletePendingReply(Post p) {
    update("DELETE FROM pending_replies WHERE platform = ? AND in_reply_to = ? AND id = ?", p.platform().id(),
        p.inReplyToId().orElseThrow(), p.id());
  }

  @Override
  public List<Post> pendingRepliesSince(Instant since) {
    List<Post> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT * FROM pending_replies WHERE created_at >= ? ORDER BY created_at, platform, id")) {
      s.setLong(1, since.toEpochMilli());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(post(rs));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("reading pending replies", e);
    }
    return out;
  }

  @Override
  public void forgetPendingRepliesBefore(Instant before) {
    update("DELETE FROM pending_replies WHERE created_at < ?", before.toEpochMilli());
  }

  @Override
  public void saveEpisode(Episode e) {
    update("""
        INSERT INTO episodes (id, brand, platform, mention_id, conversation, customer_id, opened_at, category, first,
          messages, warning_fired, breach_fired, closed_at, close_reason, response_ms, warning_ms, breach_ms,
          business_response_ms, escalated_by)
        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
        ON CONFLICT (id) DO UPDATE SET messages = excluded.messages, warning_fired = excluded.warning_fired,
          breach_fired = excluded.breach_fired, closed_at = excluded.closed_at, close_reason = excluded.close_reason,
          response_ms = excluded.response_ms, business_response_ms = excluded.business_response_ms,
          category = excluded.category, warning_ms = excluded.warning_ms, breach_ms = excluded.breach_ms,
          escalated_by = excluded.escalated_by""",
        e.id(), e.brand(), e.platform().id(), e.opening().post().id(), e.conversation(), e.customerId(),
        e.openedAt().toEpochMilli(), e.classification().category().id(), e.isFirst() ? 1 : 0,
        String.join(",", e.messageKeys()), e.hasFired(Level.WARNING) ? 1 : 0, e.hasFired(Level.BREACH) ? 1 : 0,
        e.closedAt().map(Instant::toEpochMilli).orElse(null), e.closeReason().orElse(null),
        e.responseTime().map(d -> d.toMillis()).orElse(null),
        e.policy().warning().map(d -> d.toMillis()).orElse(null),
        e.policy().breach().map(d -> d.toMillis()).orElse(null),
        e.responseTime().map(rt -> businessMillis(e, rt)).orElse(null),
        e.escalation().map(x -> x.by().post().id()).orElse(null));
  }

  /** The response as the targets count it: with business hours, time outside them does not (as the deadlines). */
  private static long businessMillis(Episode e, Duration responseTime) {
    return e.policy().clockTime(e.openedAt(), responseTime).toMillis();
  }

  @Override
  public boolean saveEvent(SlaEvent e) {
    boolean fresh = update("INSERT OR IGNORE INTO sla_events VALUES (?,?,?,?)", e.episodeId(), e.level().id(),
        e.at().toEpochMilli(), e.waited().toMillis()) == 1;
    switch (e.level()) {
      case WARNING -> update("UPDATE episodes SET warning_fired = 1 WHERE id = ?", e.episodeId());
      case BREACH -> update("UPDATE episodes SET breach_fired = 1 WHERE id = ?", e.episodeId());
      case RESOLVED -> { }
    }
    return fresh;
  }

  @Override
  public void enqueue(SlaEvent e, List<String> channels, Instant now) {
    String payload = SlaEventJson.encode(e);
    for (String channel : channels) {
      update("INSERT OR IGNORE INTO outbox (episode_id, level, channel, state, created_at, next_at, payload)"
          + " VALUES (?,?,?,'pending',?,?,?)", e.episodeId(), e.level().id(), channel, now.toEpochMilli(),
          now.toEpochMilli(), payload);
    }
  }

  @Override
  public List<OpenEpisode> openEpisodes() {
    String sql = """
        SELECT e.conversation, e.first, e.messages, e.warning_fired, e.breach_fired, e.escalated_by, m.*
        FROM episodes e JOIN mentions m ON m.platform = e.platform AND m.id = e.mention_id
        WHERE e.closed_at IS NULL ORDER BY e.opened_at""";
    List<OpenEpisode> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery();
        PreparedStatement byId = c.prepareStatement("SELECT * FROM mentions WHERE platform = ? AND id = ?")) {
      while (rs.next()) {
        List<String> ids = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (MessageKeys.Key key : MessageKeys.parse(rs.getString("messages"))) {
          ids.add(key.id());
          times.add(key.at());
        }
        String platform = rs.getString("platform");
        Map<String, Episode.FollowUp> followUps = new HashMap<>();
        for (String id : ids.subList(1, ids.size())) {
          storedMention(byId, platform, id).ifPresent(f -> followUps.put(id, f));
        }
        out.add(new OpenEpisode(mention(rs), classification(rs), rs.getString("conversation"), rs.getInt("first") == 1,
            ids, times, rs.getInt("warning_fired") == 1, rs.getInt("breach_fired") == 1,
            Optional.ofNullable(rs.getString("escalated_by")).flatMap(id -> escalation(byId, platform, id, followUps)),
            followUps));
      }
    } catch (SQLException e) {
      throw new StoreException("reading open episodes", e);
    }
    return out;
  }

  /**
   * The escalating follow-up: one of the follow-ups just read, else (not expected: it is always one of the
   * episode's messages) read on its own. The service saves it in the episode's transaction; were it missing, the
   * episode restores as it opened rather than stopping the start.
   */
  private static Optional<Episode.Escalation> escalation(PreparedStatement byId, String platform, String mentionId,
      Map<String, Episode.FollowUp> followUps) {
    return Optional.ofNullable(followUps.get(mentionId)).or(() -> storedMention(byId, platform, mentionId))
        .map(f -> new Episode.Escalation(f.mention(), f.classification()));
  }

  /**
   * A follow-up's mention and its classification, by id ({@code byId} selects mentions by platform and id); empty
   * if the store does not hold it.
   */
  private static Optional<Episode.FollowUp> storedMention(PreparedStatement byId, String platform, String mentionId) {
    try {
      byId.setString(1, platform);
      byId.setString(2, mentionId);
      try (ResultSet rs = byId.executeQuery()) {
        return rs.next() ? Optional.of(new Episode.FollowUp(mention(rs), classification(rs))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("reading the follow-up " + mentionId + " of an open episode", e);
    }
  }

  @Override
  public List<KnownPost> postsSince(Instant since) {
    List<KnownPost> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT brand, platform, id, conversation, customer_id, created_at FROM posts WHERE created_at >= ?")) {
      s.setLong(1, since.toEpochMilli());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new KnownPost(rs.getString(1), Platform.parse(rs.getString(2)).orElseThrow(), rs.getString(3),
              rs.getString(4), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6))));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("reading known posts", e);
    }
    return out;
  }

  static Mention mention(ResultSet rs) throws SQLException {
    return new Mention(rs.getString("brand"), rs.getString("account"), post(rs),
        Instant.ofEpochMilli(rs.getLong("received_at")));
  }

  /** A post from a row of {@code mentions} or {@code pending_replies}, which name its columns alike. */
  private static Post post(ResultSet rs) throws SQLException {
    return new Post(Platform.parse(rs.getString("platform")).orElseThrow(), rs.getString("id"),
        rs.getString("author_id"), rs.getString("author_handle"), rs.getString("text"),
        Instant.ofEpochMilli(rs.getLong("created_at")), Optional.ofNullable(rs.getString("in_reply_to")),
        Optional.ofNullable(rs.getString("conversation_id")), rs.getString("permalink"),
        Optional.ofNullable(rs.getString("platform_language")));
  }

  static Classification classification(ResultSet rs) throws SQLException {
    return new Classification(Category.parse(rs.getString("category")).orElse(Category.NEUTRAL),
        rs.getDouble("polarity"), rs.getDouble("confidence"), rs.getString("language"), rs.getInt("question") == 1);
  }

  private int update(String sql, Object... args) {
    try {
      PreparedStatement s = prepared.get(sql);
      if (s == null) {
        s = c.prepareStatement(sql);
        prepared.put(sql, s);
      }
      for (int i = 0; i < args.length; i++) {
        if (args[i] == null) {
          s.setNull(i + 1, Types.NULL);
        } else {
          s.setObject(i + 1, args[i]);
        }
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("writing to the store", e);
    }
  }
}
