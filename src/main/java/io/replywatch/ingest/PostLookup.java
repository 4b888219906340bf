package io.replywatch.ingest;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How one platform looks up posts by id for the deleted-post check: a batch of at most {@code batchSize} ids per
 * request, through the poller's own client, auth and rate-limit budget ({@link Poller#request}). {@code look}
 * answers each id the platform spoke about plainly with a {@link Presence} (an id left out is
 * {@link Presence#UNKNOWN}); a request that fails (error, 429, timeout, a body that cannot be read) fails the
 * future, and the check counts it and closes nothing.
 *
 * @param bucket the rate-limit bucket the lookup spends from (X limits each endpoint; the others the account)
 * @param batchSize ids per request: the platform's own maximum (X and Reddit 100, Bluesky 25, Mastodon 1)
 * @param maxPerCheck posts looked at per check at most: 100 where a request carries many ids; Mastodon, one request
 *     per id, keeps it to a small fixed share of its window
 */
public record PostLookup(String bucket, int batchSize, int maxPerCheck,
    Function<List<String>, Future<Map<String, Presence>>> look) {

  public Future<Map<String, Presence>> look(List<String> ids) {
    return look.apply(ids);
  }
}
