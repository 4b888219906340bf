package io.replywatch.ingest;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The unread ranges of one newest-first list, and how a cycle reads them. A read that stops at its page cap before
 * its cursor (an outage) leaves the range between the two unread; it is kept, newest first, in the cursor-store
 * entry {@code <endpoint>:backlog} beside the list's cursor, and the following cycles read it after the new posts,
 * with the requests their page cap and the rate-limit window leave over, until it reaches its lower bound. Each
 * platform says what a range is in its own terms (X: ids, Bluesky: a cursor and a mark) and how to read one; this
 * class holds what they share.
 */
public final class Backlog {
  /** Suffix of the cursor-store entry that keeps a list's unread ranges. */
  public static final String SUFFIX = ":backlog";

  /**
   * Backlog requests stop while their window has this many or fewer left, keeping them for the next cycle's new
   * posts (a cycle starts with more than {@code Poller.RESERVE} in hand, then reads until 1 is left).
   */
  public static final int RESERVE = 5;

  /**
   * What reading one range gave: posts newest first, the part of the range still unread (none once it was read to
   * its lower bound, or given up), and the requests it made.
   */
  public record Step<R, T>(List<T> newestFirst, Optional<R> left, int pages) {}

  /** What the backlog gave this cycle: posts newest first, and the ranges still unread, newest first. */
  public record Drained<R, T>(List<T> newestFirst, List<R> left) {}

  /** Reads one range, newest first, with at most {@code pages} requests. */
  public interface RangeRead<R, T> {
    Future<Step<R, T>> read(R range, int pages);
  }

  private Backlog() {}

  /**
   * Reads {@code ranges} newest first within {@code pages} requests, each range only while {@code spare} says the
   * window can spare a request; what is not reached stays, in its order, for the next cycle.
   */
  public static <R, T> Future<Drained<R, T>> drain(List<R> ranges, int pages, BooleanSupplier spare,
      RangeRead<R, T> read) {
    return drain(ranges, pages, spare, read, new ArrayList<>(), new ArrayList<>());
  }

  private static <R, T> Future<Drained<R, T>> drain(List<R> ranges, int pages, BooleanSupplier spare,
      RangeRead<R, T> read, List<T> newestFirst, List<R> left) {
    if (ranges.isEmpty() || pages <= 0 || !spare.getAsBoolean()) {
      left.addAll(ranges);
      return Future.succeededFuture(new Drained<>(newestFirst, left));
    }
    return read.read(ranges.get(0), pages).compose(step -> {
      newestFirst.addAll(step.newestFirst());
      step.left().ifPresent(left::add);
      return drain(ranges.subList(1, ranges.size()), pages - step.pages(), spare, read, newestFirst, left);
    });
  }

  /**
   * The cursor-store writes of one list after a cycle, in the order to make them: its backlog (only when it changed
   * from {@code stored}; empty for none), then its cursor. A crash between the two then reads a range twice, never
   * skips one.
   */
  public static Map<String, String> writes(String endpoint, String stored, String backlog, Optional<String> cursor) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!backlog.equals(stored)) {
      out.put(endpoint + SUFFIX, backlog);
    }
    cursor.ifPresent(c -> out.put(endpoint, c));
    return out;
  }
}
