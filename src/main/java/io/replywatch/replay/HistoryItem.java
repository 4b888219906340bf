package io.replywatch.replay;

import io.replywatch.ingest.Post;
import java.util.Comparator;

/**
 * One post of a history to replay, already attributed: a customer's message to {@code brand}, or a post by one of
 * {@code brand}'s own accounts. Both formats turn into these, so the replay itself does not know where they came
 * from.
 *
 * @param fromBrand true for the brand's own post (a reply candidate), false for a customer's mention
 * @param tieBreak orders items with the same timestamp (twcs: numeric tweet id; jsonl: line number)
 * @param line where the item is in the input file, for messages
 */
public record HistoryItem(String brand, Post post, boolean fromBrand, long tieBreak, long line) {

  /** Time order, as the replay processes items. */
  public static final Comparator<HistoryItem> TIME_ORDER =
      Comparator.comparing((HistoryItem i) -> i.post().createdAt()).thenComparingLong(HistoryItem::tieBreak);
}
