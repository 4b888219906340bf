package io.replywatch.notify;

import io.replywatch.sla.SlaEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The deliveries the SLA stage queued, as the notify stage works through them: what is due, and what became of
 * each attempt. {@code store.SqliteOutbox} implements it, so notify does not depend on the store.
 */
public interface Outbox {

  /** One queued delivery. */
  record Item(long id, String channel, SlaEvent event, int attempts, Instant createdAt) {}

  /** An event that reached its channel, and when. */
  record Delivered(SlaEvent event, Instant at) {}

  /** On start: deliveries that were in flight when the process died go out again. */
  int resumeInFlight();

  /**
   * What reached {@code channel} and may still matter to it, oldest first: every event of an episode whose
   * resolution did not reach the channel before {@code resolvedSince}. A channel that refreshes its receiver
   * (Alertmanager forgets alerts nobody re-posts) reads this at start to carry on where the last run stopped.
   */
  List<Delivered> deliveredSince(String channel, Instant resolvedSince);

  /** Due deliveries, oldest first, marked {@code sending}; only the first unsent one of each episode and channel. */
  List<Item> takeDue(Instant now, int limit);

  /**
   * When {@link #takeDue} will next have something. A row held back behind an earlier one does not count: it
   * becomes ready when that one is settled, which the caller follows with another {@link #takeDue}.
   */
  Optional<Instant> nextDue();

  void sent(long id, Instant now);

  void retry(long id, Instant nextAt, String error);

  /** Not now (the channel's quiet hours): back to pending until {@code until}, not counted as an attempt. */
  void defer(long id, Instant until);

  void failed(long id, Instant now, String error);
}
