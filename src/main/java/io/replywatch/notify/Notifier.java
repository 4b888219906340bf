package io.replywatch.notify;

import io.replywatch.sla.SlaEvent;
import io.vertx.core.Future;

/**
 * One alert channel (a Slack webhook, a PagerDuty service, ...). {@link #send} succeeds when the receiver accepted
 * the event, and fails with a {@link DeliveryException} that says whether a retry may help.
 */
public interface Notifier {

  /** The most events one digest lists: within Slack's 50 blocks and far below Teams' message size. */
  int DIGEST_MAX = 40;

  /** The channel type, a bounded metric label value: slack, teams, webhook, pagerduty, alertmanager, console. */
  String channel();

  Future<Void> send(SlaEvent event);

  /**
   * The least time between two messages to this channel: chat channels (Slack, Teams) take about one per second,
   * and keep sending at them while rate-limited and they may disable the app.
   */
  default java.time.Duration minInterval() {
    return java.time.Duration.ZERO;
  }

  /**
   * For a channel that keeps its receiver's state fresh by posting again (Alertmanager forgets alerts nobody
   * re-posts): how long after a resolution it goes on posting it. Such a channel is told at start, through
   * {@link #delivered}, what reached it before and still matters. Empty for channels that post once.
   */
  default java.util.Optional<java.time.Duration> refreshesResolvedFor() {
    return java.util.Optional.empty();
  }

  /** At start, for a channel that refreshes its receiver: {@code event} reached the receiver at {@code at}. */
  default void delivered(SlaEvent event, java.time.Instant at) {
  }

  /** Whether {@link #sendDigest} turns a burst into one message; otherwise each event is its own message. */
  default boolean digests() {
    return false;
  }

  /**
   * One message listing several events (a burst of 20 complaints is one digest, not 20 pings). A channel without
   * a digest format sends them one after another, stopping at the first failure.
   */
  default Future<Void> sendDigest(java.util.List<SlaEvent> events) {
    Future<Void> chain = Future.succeededFuture();
    for (SlaEvent e : events) {
      chain = chain.compose(v -> send(e));
    }
    return chain;
  }
}
