package io.replywatch.notify;

import io.replywatch.sla.Level;

/**
 * What the notify stage reports about deliveries. {@code metrics.ServiceMetrics} implements it and owns the meters
 * (style rule 13), so notify does not depend on the metrics package.
 */
public interface NotifyMetrics {

  /** The values of {@code outcome} on notifications. */
  enum NotifyOutcome { SENT, RETRIED, FAILED }

  /** Registers every series of one channel at 0. */
  void initChannel(String channel);

  void notification(String channel, Level level, NotifyOutcome outcome);
}
