package io.replywatch.replay;

import io.replywatch.ingest.Post;
import java.util.Comparator;

/**
 * One post of a history to replay, already attributed: a customer's message to {@code brand}, or a post by one of
 * {@code brand}'s own accounts. Both formats turn into these, so the replay itself does not know where they came
 * from.
 *
 * @param fromBrand true for the brand's own post (a reply candidate), false for a customer's mention
 * @param tieBreak orders items with the same timestamp (twcs: numeric tweet id; jsonl: line number, after
 *     mentions ahead of replies)
 * @param line where the item is in the input file, for messages
 * @param epochSecond {@code post.createdAt()} kept beside the item, so sorting millions of items compares
 *     primitives instead of chasing pointers (it was the largest cost of a replay)
 * @param nano the nanosecond part of {@code post.createdAt()}
 */
public record HistoryItem(String brand, Post post, boolean fromBrand, long tieBreak, long line, long epochSecond,
    int nano) {

  /** Time order, as the replay processes items. */
  public static final Comparator<HistoryItem> TIME_ORDER = (a, b) -> {
    int c = Long.compare(a.epochSecond, b.epochSecond);
    if (c == 0) {
      c = Integer.compare(a.nano, b.nano);
    }
    return c != 0 ? c : Long.compare(a.tieBreak, b.tieBreak);
  };

  /**
   * Time order with customers' mentions ahead of brand posts of the same instant, then {@code tieBreak}: the live
   * service sorts each poll batch that way (mentions first, stably), so a reply stamped the same instant as the
   * mention it answers closes it whichever comes first in the file.
   */
  public static final Comparator<HistoryItem> TIME_ORDER_MENTIONS_FIRST = (a, b) -> {
    int c = Long.compare(a.epochSecond, b.epochSecond);
    if (c == 0) {
      c = Integer.compare(a.nano, b.nano);
    }
    if (c == 0) {
      c = Boolean.compare(a.fromBrand, b.fromBrand);
    }
    return c != 0 ? c : Long.compare(a.tieBreak, b.tieBreak);
  };

  public HistoryItem(String brand, Post post, boolean fromBrand, long tieBreak, long line) {
    this(brand, post, fromBrand, tieBreak, line, post.createdAt().getEpochSecond(), post.createdAt().getNano());
  }
}
