package io.replywatch.notify;

import io.replywatch.sla.SlaEvent;
import io.vertx.core.Future;

/**
 * One alert channel (a Slack webhook, a PagerDuty service, ...). {@link #send} succeeds when the receiver accepted
 * the event, and fails with a {@link DeliveryException} that says whether a retry may help.
 */
public interface Notifier {

  /** The channel type, a bounded metric label value: slack, teams, webhook, pagerduty, alertmanager, console. */
  String channel();

  Future<Void> send(SlaEvent event);
}
