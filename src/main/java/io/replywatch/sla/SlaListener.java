package io.replywatch.sla;

import io.replywatch.classify.Category;
import io.replywatch.ingest.Post;

/**
 * What the tracker tells the outside world: metrics, the activity log, the notifiers. Called synchronously from
 * the tracker's thread, in the order things happened.
 */
public interface SlaListener {

  default void opened(Episode episode) {}

  /** A post became known with its conversation (customer posts: their author; brand replies: null). */
  default void remembered(String brand, Post post, String conversation, String customerId) {}

  /**
   * A brand reply arrived before the post it answers, and waits for it. Kept durably, it still answers that post
   * when it arrives after a restart. A later reply to the same parent takes its place.
   */
  default void replyHeld(String brand, Post reply) {}

  /** A held reply stopped waiting: its parent arrived, or it was dropped to keep the number held bounded. */
  default void replyReleased(Post reply) {}

  /**
   * A more urgent follow-up escalated an open episode: it now has that follow-up's classification and policy, and
   * its deadlines count from its opening. {@link #followUp} follows for the same message.
   */
  default void escalated(Episode episode, Category categoryBefore, SlaPolicy policyBefore) {}

  /** A follow-up message from the customer joined an open episode. */
  default void followUp(Episode episode, String postId) {}

  /** The episode closed: by a brand reply, or by hand with a reason. */
  default void closed(Episode episode) {}

  /** A warning, breach or resolved event fired. */
  default void event(SlaEvent event) {}
}
