package io.replywatch.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A scripted, platform-neutral history of customer posts and brand replies. A simulator shows each post once its
 * time has come on the injected clock, so the same script drives the demo (fast clock) and the tests (manual
 * clock). Thread-safe: the script may grow while a simulator serves it.
 */
public final class Timeline {
  /** X's snowflake epoch (2010-11-04T01:42:54.657Z), as {@code XParser.idTime} reads it. */
  private static final long SNOWFLAKE_EPOCH_MS = 1288834974657L;

  private static final Comparator<SimPost> ORDER =
      Comparator.comparing(SimPost::createdAt).thenComparing(SimPost::id, io.replywatch.ingest.Ids.ORDER);

  private final List<SimPost> posts = new ArrayList<>();
  /** Posts their authors delete, and when: a script's deletions, served by the post lookup once the time comes. */
  private final Map<String, Instant> deletions = new HashMap<>();
  private long sequence;
  private Consumer<Instant> extender = t -> {};

  /**
   * Adds a post; returns its id. Ids are X snowflakes (milliseconds since X's epoch above 22 bits of sequence), so
   * they grow with time and X's id-to-time rule reads the post's time back from them; the other simulators serve
   * the same ids, which their platforms treat as opaque.
   */
  public synchronized String add(Instant at, String authorId, String handle, String text, boolean brand,
      String inReplyTo, String language) {
    long sinceEpoch = Math.max(0, at.toEpochMilli() - SNOWFLAKE_EPOCH_MS);
    String id = Long.toString((sinceEpoch << 22) + (sequence++ & 0x3FFFFF));
    SimPost post = new SimPost(id, at, authorId, handle, text, brand, Optional.ofNullable(inReplyTo), language);
    int slot = Collections.binarySearch(posts, post, ORDER); // in order, without sorting all (tests add 10,000s)
    posts.add(slot < 0 ? -slot - 1 : slot + 1, post);
    return id;
  }

  /** Scripts the post {@code id}'s deletion by its author at {@code at}. */
  public synchronized void deleteAt(String id, Instant at) {
    deletions.put(id, at);
  }

  /** When the script deletes the post {@code id}, if it does. */
  public synchronized Optional<Instant> deletedAt(String id) {
    return Optional.ofNullable(deletions.get(id));
  }

  /** A hook called before each read with the current time, so an endless script (the demo) can grow lazily. */
  public synchronized void extendWith(Consumer<Instant> extender) {
    this.extender = extender;
  }

  /** Every post created at or before the clock's now, oldest first. */
  public synchronized List<SimPost> visible(Clock clock) {
    Instant now = clock.instant();
    extender.accept(now);
    return posts.stream().filter(p -> !p.createdAt().isAfter(now)).toList();
  }

  public synchronized List<SimPost> all() {
    return List.copyOf(posts);
  }
}
