package io.replywatch.sla;

import io.replywatch.config.ReplywatchConfig.Alerts;
import java.util.ArrayList;
import java.util.List;

/**
 * product.md §4 as a pure function: warning to every support channel; breach to every support and paging channel;
 * resolved to every channel that got an event for the episode, which is support always and paging when it paged.
 * Channels are named by their place in the config ({@code support/0}, {@code paging/1}), as the notify stage names
 * its lanes. The SLA stage routes as it records an event, so the outbox rows are written in the event's transaction.
 */
public final class Routing {

  private Routing() {}

  public static List<String> targets(Level level, boolean paged, Alerts alerts) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < alerts.support().size(); i++) {
      out.add("support/" + i);
    }
    if (level == Level.BREACH || level == Level.RESOLVED && paged) {
      for (int i = 0; i < alerts.paging().size(); i++) {
        out.add("paging/" + i);
      }
    }
    return out;
  }
}
