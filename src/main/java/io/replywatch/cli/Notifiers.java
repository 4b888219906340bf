package io.replywatch.cli;

import io.replywatch.config.ReplywatchConfig.Channel;
import io.replywatch.notify.ConsoleNotifier;
import io.replywatch.notify.Notifier;
import io.replywatch.notify.alertmanager.AlertmanagerNotifier;
import io.replywatch.notify.alertmanager.AlertmanagerPayloads;
import io.replywatch.notify.alertmanager.ResendingAlertmanager;
import io.replywatch.notify.pagerduty.PagerDutyNotifier;
import io.replywatch.notify.pagerduty.PagerDutyPayloads;
import io.replywatch.notify.slack.SlackNotifier;
import io.replywatch.notify.teams.TeamsNotifier;
import io.replywatch.notify.teams.TeamsPayloads;
import io.replywatch.notify.webhook.WebhookNotifier;
import io.replywatch.notify.webhook.WebhookPayloads;
import io.replywatch.time.ServiceClock;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds the notifier for each configured channel. Wiring, beside {@link Service}: it knows every channel's
 * sub-package, which the notify package itself does not.
 */
public final class Notifiers {
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  /**
   * How long Alertmanager keeps a firing alert without hearing from us. Re-sends refresh it every
   * {@link #ALERTMANAGER_RESEND}, also after a restart of ours (the outbox says what was firing); it is long so
   * that a page outlives an outage of Replywatch itself rather than resolve while nobody answered.
   */
  static final Duration ALERTMANAGER_TTL = Duration.ofHours(24);
  /** How often a firing (or just resolved) alert is posted to Alertmanager again. */
  static final Duration ALERTMANAGER_RESEND = Duration.ofMinutes(1);

  private Notifiers() {}

  /** Everything a channel may need to be built. */
  public record Context(Vertx vertx, ServiceClock clock, Consumer<String> console) {}

  public static Notifier of(Channel c, Context ctx) {
    return switch (c.type()) {
      case "slack" -> new SlackNotifier(ctx.vertx(), c.url().reveal(), TIMEOUT, ctx.clock());
      case "teams" -> new TeamsNotifier(ctx.vertx(), c.url().reveal(), new TeamsPayloads(), TIMEOUT, ctx.clock());
      case "webhook" -> new WebhookNotifier(ctx.vertx(), c.url().reveal(), new WebhookPayloads(), TIMEOUT, ctx.clock());
      case "pagerduty" -> new PagerDutyNotifier(ctx.vertx(), c.url().reveal(), c.routingKey().reveal(),
          new PagerDutyPayloads(Optional.empty(), c.runbookUrl()), TIMEOUT, ctx.clock());
      case "alertmanager" -> new ResendingAlertmanager(new AlertmanagerNotifier(ctx.vertx(), c.url().reveal(),
          new AlertmanagerPayloads(Optional.empty(), c.runbookUrl(), ALERTMANAGER_TTL), TIMEOUT, ctx.clock()),
          ALERTMANAGER_RESEND, ctx.vertx(), ctx.clock());
      case "console" -> new ConsoleNotifier(ctx.console());
      default -> throw new IllegalArgumentException("unknown channel type " + c.type());
    };
  }
}
