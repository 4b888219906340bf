package io.replywatch.ingest;

import io.replywatch.bus.Addresses;
import io.replywatch.config.Platform;
import io.replywatch.ingest.OpenEpisodes.Watched;
import io.replywatch.text.Text;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deleted-post check of one poller: every {@code deletedCheck} interval, after a cycle handed its batch on, it
 * looks up the posts of the account's open episodes on the platform ({@link PostLookup}) and closes an episode
 * through the SLA stage's own close ({@link Addresses#CLOSE_EPISODE}, as {@code POST /api/v1/episodes/{id}/close}
 * does: a follow-up goes out for one that had alerted) once {@link DeletionStrikes} says so.
 *
 * <p>It never starves the mention reads: each lookup request goes only while its bucket keeps more than
 * {@link #RESERVE} requests in hand ({@link Poller#spare}), so it spends what the window has over and stops
 * otherwise, for the next check; and it never fails the cycle it runs in. One poller's context runs it.
 */
final class DeletedCheck {
  private static final Logger LOG = LoggerFactory.getLogger(DeletedCheck.class);
  /** Requests of the lookup's bucket left untouched for the mention reads. */
  static final int RESERVE = 10;
  /** Open episodes read from the store per check, before {@link DeletionStrikes#pick} caps them. */
  private static final int MAX_OPEN = 1000;

  private final Platform platform;
  private final String brand;
  private final String account;
  private final Duration interval;
  private final OpenEpisodes store;
  private final PostLookup lookup;
  private final IngestMetrics metrics;
  private final Supplier<Vertx> vertx;
  private final Predicate<String> spare;
  private final DeletionStrikes strikes;
  private Instant due = Instant.MIN;

  DeletedCheck(Platform platform, String brand, String account, Duration interval, OpenEpisodes store,
      PostLookup lookup, IngestMetrics metrics, Supplier<Vertx> vertx, Predicate<String> spare) {
    this.platform = platform;
    this.brand = brand;
    this.account = account;
    this.interval = interval;
    this.store = store;
    this.lookup = lookup;
    this.metrics = metrics;
    this.vertx = vertx;
    this.spare = spare;
    this.strikes = new DeletionStrikes(interval);
    metrics.initDeletedCheck(brand, platform, account);
  }

  /** Runs a check when one is due at {@code now} (the cycle's start); never fails. */
  Future<Void> runIfDue(Instant now) {
    if (now.isBefore(due)) {
      return Future.succeededFuture();
    }
    due = now.plus(interval);
    return vertx.get().executeBlocking(() -> store.open(platform, brand, account, MAX_OPEN))
        .compose(open -> look(strikes.pick(open, lookup.maxPerCheck()), now))
        .compose(this::close)
        .otherwise(e -> {
          LOG.warn("deleted-post check failed: platform={} account={}: {}", platform.id(), account,
              Text.line(String.valueOf(e.getMessage()), 300));
          return null;
        });
  }

  /** Looks up the posts of {@code episodes} batch by batch while the budget spares them; returns those to close. */
  private Future<List<Watched>> look(List<Watched> episodes, Instant now) {
    List<String> ids = new ArrayList<>(new LinkedHashSet<>(episodes.stream().flatMap(w -> w.postIds().stream())
        .toList()));
    Map<String, Presence> answers = new HashMap<>();
    Set<String> asked = new HashSet<>();
    return batches(ids, 0, answers, asked).map(v -> {
      // Only episodes all of whose posts were asked about this time count as looked at; the rest wait.
      List<Watched> seen = episodes.stream().filter(w -> asked.containsAll(w.postIds())).toList();
      return strikes.looked(seen, answers, now);
    });
  }

  private Future<Void> batches(List<String> ids, int from, Map<String, Presence> answers, Set<String> asked) {
    if (from >= ids.size() || !spare.test(lookup.bucket())) {
      return Future.succeededFuture();
    }
    List<String> batch = ids.subList(from, Math.min(ids.size(), from + lookup.batchSize()));
    asked.addAll(batch);
    Future<Map<String, Presence>> answer;
    try {
      answer = lookup.look(List.copyOf(batch));
    } catch (RuntimeException e) {
      answer = Future.failedFuture(e);
    }
    return answer.transform(done -> {
      metrics.deletedCheck(platform, account, done.succeeded());
      if (done.failed()) {
        // No answer: the batch's posts stay unknown, which undoes a first strike; the rest waits for next time.
        LOG.info("deleted-post lookup got no answer, nothing closed: platform={} account={}: {}", platform.id(),
            account, Text.line(String.valueOf(done.cause().getMessage()), 300));
        return Future.succeededFuture();
      }
      batch.forEach(id -> answers.put(id, done.result().getOrDefault(id, Presence.UNKNOWN)));
      return batches(ids, from + lookup.batchSize(), answers, asked);
    });
  }

  /** Closes each episode through the SLA stage; one that closed meanwhile (answered, closed by hand) is skipped. */
  private Future<Void> close(List<Watched> episodes) {
    List<Future<?>> closing = new ArrayList<>();
    String reason = "deleted on " + platform.displayName();
    for (Watched w : episodes) {
      closing.add(vertx.get().eventBus()
          .request(Addresses.CLOSE_EPISODE, new JsonObject().put("id", w.episodeId()).put("reason", reason))
          .onSuccess(reply -> {
            metrics.episodeClosedDeleted(brand, platform);
            LOG.info("episode closed, its post deleted on the platform: brand={} platform={} account={} episode={}"
                + " post={}", brand, platform.id(), account, Text.line(w.episodeId(), 200),
                Text.line(w.postIds().get(0), 200));
          })
          .onFailure(e -> LOG.debug("episode {} not closed: {}", w.episodeId(), e.getMessage())));
    }
    return Future.join(closing).<Void>mapEmpty().otherwiseEmpty();
  }
}
