package io.replywatch.sla;

import io.replywatch.classify.Classification;
import io.replywatch.config.Platform;
import io.replywatch.ingest.Mention;
import io.replywatch.ingest.Post;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SLA stage's durable state, as the stage needs it: what it writes as the tracker changes and what it reads
 * back to recover after a restart. {@code store.SqliteSlaStore} implements it, so sla does not depend on the store.
 */
public interface SlaStore {

  /** Runs {@code work} in one transaction: after a crash the store holds either all of it or none of it. */
  void inTransaction(Runnable work);

  void saveMention(Mention m, Classification cl);

  void savePost(String brand, Post p, String conversation, String customerId);

  /** A brand reply held until its parent arrives; one per parent, as the tracker holds them (the later wins). */
  void savePendingReply(String brand, Post p);

  void deletePendingReply(Post p);

  /** Recovery: the held replies of the last {@code since}, as recovery reloads the known posts of that span. */
  List<Post> pendingRepliesSince(Instant since);

  /** Held replies older than recovery reloads would otherwise stay in the table for ever. */
  void forgetPendingRepliesBefore(Instant before);

  void saveEpisode(Episode e);

  /** Records an event; false if this (episode, level) was already recorded, so it must not be sent again. */
  boolean saveEvent(SlaEvent e);

  /**
   * Queues one delivery per channel in the event's transaction: the outbox, so a crash between deciding and
   * sending loses nothing. (episode, level, channel) is unique: a repeat is ignored.
   */
  void enqueue(SlaEvent e, List<String> channels, Instant now);

  /**
   * An open episode as stored, for recovery: its opening mention and that mention's classification, and the
   * follow-up that escalated it with the follow-up's classification, if one did. {@code followUps}: the mentions of
   * its follow-ups with their classifications, by post id, so a reply that answers only the earlier messages opens
   * the next episode from the later ones' own; one whose mention is missing is left out.
   */
  record OpenEpisode(Mention opening, Classification classification, String conversation, boolean first,
      List<String> messageIds, List<Instant> messageTimes, boolean warningFired, boolean breachFired,
      Optional<Episode.Escalation> escalation, Map<String, Episode.FollowUp> followUps) {}

  List<OpenEpisode> openEpisodes();

  /** A post known before a restart. */
  record KnownPost(String brand, Platform platform, String id, String conversation, String customerId,
      Instant createdAt) {}

  List<KnownPost> postsSince(Instant since);
}
