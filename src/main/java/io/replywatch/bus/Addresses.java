package io.replywatch.bus;

/** Event-bus addresses between pipeline stages (style rule 4): one place, so no stage guesses another's. */
public final class Addresses {
  /** Pollers → SLA verticle: a {@code PollBatch}; the reply confirms it was taken, so the cursor may advance. */
  public static final String POLL_BATCH = "replywatch.ingest.batch";
  /** SLA verticle → notify verticle: an {@code SlaEvent} was committed with its outbox rows; deliver them. */
  public static final String SLA_EVENT = "replywatch.sla.event";

  /** HTTP API → SLA verticle: close an episode by hand; body {@code {"id","reason"}}, reply the episode or 404. */
  public static final String CLOSE_EPISODE = "replywatch.sla.close";

  private Addresses() {}
}
