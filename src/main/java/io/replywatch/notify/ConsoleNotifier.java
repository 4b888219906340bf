package io.replywatch.notify;

import io.replywatch.sla.ActivityLog;
import io.replywatch.sla.SlaEvent;
import io.replywatch.text.Text;
import io.vertx.core.Future;
import java.util.function.Consumer;

/**
 * Writes each alert as one line to the console: the channel for trying Replywatch out and for the demo. The
 * author handle and text come from the post, so both are flattened: a handle with a line break cannot forge a line.
 */
public final class ConsoleNotifier implements Notifier {
  private final Consumer<String> sink;

  public ConsoleNotifier(Consumer<String> sink) {
    this.sink = sink;
  }

  @Override
  public String channel() {
    return "console";
  }

  @Override
  public Future<Void> send(SlaEvent e) {
    sink.accept("ALERT " + e.level().id() + " " + e.dedupKey() + " " + e.category().id() + " waited "
        + e.waitedMinutes() + " min: " + Text.handle(e.authorHandle()) + " " + ActivityLog.quote(e.text()));
    return Future.succeededFuture();
  }
}
