package io.replywatch;

/** Event-bus addresses between pipeline stages (style rule 4): one place, so no stage guesses another's. */
public final class Addresses {
  /** Pollers → SLA verticle: a {@code PollBatch}; the reply confirms it was taken, so the cursor may advance. */
  public static final String POLL_BATCH = "replywatch.ingest.batch";
  /** SLA verticle → notify verticle: an {@code SlaEvent}. */
  public static final String SLA_EVENT = "replywatch.sla.event";

  private Addresses() {}
}
