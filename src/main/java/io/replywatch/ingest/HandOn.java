package io.replywatch.ingest;

import io.replywatch.config.Platform;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Hands one cycle on to the SLA stage as one {@link PollBatch}, and only once the batch was taken does what must
 * not happen before: the items set aside are kept before the cursors move past them, then the cursors are stored,
 * then the items read again are marked, then the ranges given up are counted and the backlog is read again. A
 * batch not taken changes nothing, so the next cycle reads the same posts again: nothing is lost and nothing is
 * handed on twice. One poller's context uses it.
 */
final class HandOn {
  private final Platform platform;
  private final String brand;
  private final String account;
  /** The brand account's id as the platform writes it on posts (Bluesky learns it from the session). */
  private final Supplier<String> brandId;
  /** Sends a batch to the SLA stage; succeeds once it was taken. */
  private final Function<PollBatch, Future<?>> send;
  private final CursorStore cursors;
  private final SetAside aside;
  private final ReadAgain readAgain;
  private final CycleReport report;
  private final IngestMetrics metrics;
  private final RecentIds handedOn = new RecentIds(10_000);

  HandOn(Platform platform, String brand, String account, Supplier<String> brandId,
      Function<PollBatch, Future<?>> send, CursorStore cursors, SetAside aside, ReadAgain readAgain,
      CycleReport report, IngestMetrics metrics) {
    this.platform = platform;
    this.brand = brand;
    this.account = account;
    this.brandId = brandId;
    this.send = send;
    this.cursors = cursors;
    this.aside = aside;
    this.readAgain = readAgain;
    this.report = report;
    this.metrics = metrics;
  }

  /**
   * Hands {@code read} on, with the items read again that it can carry, read at {@code receivedAt}; fails, having
   * stored nothing, when the batch was not taken.
   */
  Future<Void> handOn(Poller.Cycle read, Instant receivedAt) {
    Poller.Cycle cycle = readAgain.join(read);
    Set<String> seen = new HashSet<>();
    List<Mention> found = cycle.mentions().stream()
        .filter(p -> !isBrand(p) && !handedOn.contains(p.id()) && seen.add(p.id()))
        .map(p -> new Mention(brand, account, ClaimedTime.notAfter(p, receivedAt), receivedAt))
        .toList();
    List<Post> own = cycle.brandPosts().stream()
        .filter(p -> isBrand(p) && !handedOn.contains(p.id()) && seen.add(p.id()))
        .map(p -> ClaimedTime.notAfter(p, receivedAt)).toList();
    PollBatch batch = new PollBatch(brand, platform, account, found, own);
    Future<?> taken = batch.isEmpty() ? Future.succeededFuture() : send.apply(batch);
    return taken.map(ok -> {
      found.forEach(m -> {
        handedOn.add(m.post().id());
        metrics.ingestLag(platform, Duration.between(m.post().createdAt(), receivedAt));
      });
      own.forEach(p -> handedOn.add(p.id()));
      // Kept before the cursors move past them, so a crash in between reads them again rather than losing them.
      aside.keep(receivedAt);
      // Stored even when stopping meanwhile: the batch was taken, so a restart must not hand it on again.
      cycle.cursors().forEach((endpoint, value) -> cursors.put(platform, account, endpoint, value));
      readAgain.taken(receivedAt);
      report.stored(cycle.cursors());
      report.redated(Stream.concat(found.stream().map(Mention::post), own.stream())
          .filter(p -> p.statedAt().isPresent()).toList());
      return null;
    });
  }

  /** Whether the brand account wrote {@code p}: by id, or by handle where a platform has no stable author id. */
  private boolean isBrand(Post p) {
    return p.authorId().equals(brandId.get()) || p.authorHandle().equalsIgnoreCase(account);
  }
}
