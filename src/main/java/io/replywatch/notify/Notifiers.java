package io.replywatch.notify;

import io.replywatch.cli.UsageException;
import io.replywatch.config.ReplywatchConfig.Channel;
import io.replywatch.notify.slack.SlackNotifier;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.function.Consumer;

/** Builds the notifier for each configured channel. */
public final class Notifiers {

  private Notifiers() {}

  public static List<Notifier> of(List<Channel> channels, WebClient client, Consumer<String> console) {
    return channels.stream().map(c -> of(c, client, console)).toList();
  }

  static Notifier of(Channel c, WebClient client, Consumer<String> console) {
    return switch (c.type()) {
      case "slack" -> new SlackNotifier(client, c.url());
      case "console" -> new ConsoleNotifier(console);
      default -> throw new UsageException("alert channel type '" + c.type() + "' is not available in this build yet");
    };
  }
}
