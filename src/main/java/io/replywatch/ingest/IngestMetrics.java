package io.replywatch.ingest;

import io.replywatch.config.Platform;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the ingest stage reports about its sources. {@code metrics.ServiceMetrics} implements it and owns the meters
 * (style rule 13); the pollers see only this, so ingest does not depend on the stages that come after it.
 */
public interface IngestMetrics {

  /** The values of {@code outcome} on poll requests. */
  enum PollOutcome { OK, RATE_LIMITED, ERROR }

  /** @param pollInterval the platform's configured {@code pollInterval}, exported so alert rules can scale to it */
  void initSource(Platform platform, String account, Duration pollInterval);

  /**
   * The backlog gauge of a source whose capped reads leave posts to read later (X, Bluesky, Mastodon): how far back
   * the oldest unread range reaches, against {@code clock} at each scrape, so it grows while a backlog waits.
   */
  void initBacklog(Platform platform, String account, Clock clock);

  /** The ranges-given-up counter of a source at 0: every platform can give up posts it could not reach. */
  void initRangesDropped(Platform platform, String account);

  /** The lower bound of the source's oldest unread range now, or empty when it has none. */
  void backlogSince(Platform platform, String account, Optional<Instant> oldest);

  /**
   * A range the source gave up: its posts will not be read (a cursor the platform rejects, X's search window,
   * Reddit's listing reach, a first start's backfill cut at the page cap).
   */
  void rangeDropped(Platform platform, String account);

  void poll(Platform platform, String account, PollOutcome outcome);

  /** An item of a page that could not be read, set aside and kept in the store the first time it was seen. */
  void itemRejected(Platform platform, String account);

  /**
   * An item set aside earlier (by an older parser) that the poller read again at its start, handed on in a batch the
   * SLA stage took and marked in the store, so it is counted once.
   */
  void itemRecovered(Platform platform, String account);

  /**
   * A post handed on at the time it was received instead of the time it states, which was too far before the
   * platform had it or after Replywatch read it ({@link ClaimedTime}); counted once the batch carrying it was taken.
   */
  void itemRedated(Platform platform, String account);

  /**
   * The deleted-post check's counters of a source at 0 (lookups by outcome, and the episodes of {@code brand} it
   * closed): only for a source whose check is on.
   */
  void initDeletedCheck(String brand, Platform platform, String account);

  /**
   * One lookup request of the deleted-post check: {@code ok} when the platform answered it, false for an error, a
   * 429, a timeout or a body that could not be read (nothing is closed on such an answer).
   */
  void deletedCheck(Platform platform, String account, boolean ok);

  /** An episode of {@code brand} closed because its posts were deleted on the platform. */
  void episodeClosedDeleted(String brand, Platform platform);

  void lastSuccess(Platform platform, String account, Instant at);

  void rateLimitRemaining(Platform platform, String account, int remaining);

  void ingestLag(Platform platform, Duration lag);
}
