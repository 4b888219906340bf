package io.replywatch.sla;

/**
 * What the tracker tells the outside world: metrics, the activity log, the notifiers. Called synchronously from
 * the tracker's thread, in the order things happened.
 */
public interface SlaListener {

  default void opened(Episode episode) {}

  /** A follow-up message from the customer joined an open episode. */
  default void followUp(Episode episode, String postId) {}

  /** The episode closed: by a brand reply, or by hand with a reason. */
  default void closed(Episode episode) {}

  /** A warning, breach or resolved event fired. */
  default void event(SlaEvent event) {}
}
