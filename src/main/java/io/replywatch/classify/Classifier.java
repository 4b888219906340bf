package io.replywatch.classify;

/**
 * Decides what a mention is, and so whether an SLA clock runs for it. Implementations are pure, thread-safe and
 * never throw on any input: empty, huge, emoji-only or mixed-script text gets a low-confidence result.
 */
public interface Classifier {

  /**
   * @param text the mention's plain text (HTML already stripped)
   * @param authorHandle the author's handle, for rules that force a category for VIP authors; may be empty
   */
  Classification classify(String text, String authorHandle);
}
