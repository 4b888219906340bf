package io.replywatch.notify.slack;

import io.replywatch.notify.Text;
import io.replywatch.sla.Level;
import io.replywatch.sla.SlaEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * Builds Slack incoming-webhook bodies (alert-payloads.md §2.4): {@code text} for the notification and
 * {@code blocks} for the message. Everything from the mention is untrusted and goes through {@link #escape}.
 */
public final class SlackPayloads {
  /** Slack's limit for a section's text. */
  static final int SECTION_LIMIT = 3000;
  static final int QUOTE_LIMIT = 1200;

  private SlackPayloads() {}

  public static JsonObject of(SlaEvent e) {
    String platform = e.platform().displayName();
    String what = e.category().id();
    if (e.level() == Level.RESOLVED) {
      String text = "Answered: " + what + " to @" + escape(e.brand()) + " on " + platform + " after "
          + e.waitedMinutes() + " min";
      return new JsonObject().put("text", text).put("blocks", new JsonArray()
          .add(section(":white_check_mark: " + text + "\n" + link(e))));
    }
    String title = (e.level() == Level.BREACH ? "Complaint past page target" : "Unanswered " + what) + ": "
        + e.waitedMinutes() + " min";
    String text = "Unanswered " + what + " to @" + escape(e.brand()) + " on " + platform + ": " + e.waitedMinutes()
        + " min (" + targetNote(e) + ")";
    String body = "*@" + escape(cut(e.authorHandle(), 100)) + "* on " + platform + ": \""
        + escape(cut(e.text(), QUOTE_LIMIT)) + "\"\n" + link(e);
    String context = "brand *" + escape(e.brand()) + "* \u00b7 " + what + String.format(" (%.2f)", e.confidence())
        + " \u00b7 " + (e.level() == Level.BREACH ? "on-call paged" : pagesAt(e.breachTarget()));
    return new JsonObject().put("text", text).put("blocks", new JsonArray()
        .add(new JsonObject().put("type", "header").put("text",
            new JsonObject().put("type", "plain_text").put("text", cut(title, 150))))
        .add(section(body))
        .add(new JsonObject().put("type", "context").put("elements", new JsonArray()
            .add(new JsonObject().put("type", "mrkdwn").put("text", context)))));
  }

  /** The most events one digest lists: a header, one section each and a context stay within Slack's 50 blocks. */
  public static final int DIGEST_MAX = io.replywatch.notify.Notifier.DIGEST_MAX;
  static final int DIGEST_QUOTE_LIMIT = 200;

  /** One message for a burst: a count in the header, one line per event (level, who, how long, the post). */
  public static JsonObject digest(List<SlaEvent> events) {
    long warnings = events.stream().filter(e -> e.level() == Level.WARNING).count();
    long breaches = events.stream().filter(e -> e.level() == Level.BREACH).count();
    long answered = events.stream().filter(e -> e.level() == Level.RESOLVED).count();
    String text = events.size() + " SLA alerts: " + warnings + " unanswered past warning, " + breaches
        + " past page target, " + answered + " answered";
    JsonArray blocks = new JsonArray().add(new JsonObject().put("type", "header").put("text",
        new JsonObject().put("type", "plain_text").put("text", cut(events.size() + " SLA alerts", 150))));
    for (SlaEvent e : events.subList(0, Math.min(DIGEST_MAX, events.size()))) {
      String what = switch (e.level()) {
        case WARNING -> "*warning* " + e.waitedMinutes() + " min";
        case BREACH -> "*page* " + e.waitedMinutes() + " min";
        case RESOLVED -> "*answered* after " + e.waitedMinutes() + " min";
      };
      blocks.add(section(what + " \u00b7 " + e.category().id() + " to @" + escape(e.brand()) + " on "
          + e.platform().displayName() + " from *@" + escape(cut(e.authorHandle(), 100)) + "*: \""
          + escape(cut(e.text(), DIGEST_QUOTE_LIMIT)) + "\" " + link(e) + " `" + e.episodeId() + "`"));
    }
    return new JsonObject().put("text", text).put("blocks", blocks);
  }

  /**
   * Slack's three control characters, and the words that would ping a whole channel if a link-naming app saw
   * them: {@code <!channel>}, {@code <@U123>} and {@code <https://evil|bank.com>} arrive as plain text.
   */
  public static String escape(String untrusted) {
    if (untrusted == null) {
      return "";
    }
    String s = untrusted.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return s.replaceAll("(?i)@(here|channel|everyone)\\b", "@\u200B$1");
  }

  private static String link(SlaEvent e) {
    // Slack's link syntax is <url|label>: a URL carrying <, > or | could forge a link, so it is left out.
    return Text.httpUrl(e.permalink()).filter(u -> !u.matches(".*[\\s<>|].*"))
        .map(u -> "<" + u + "|Open post>").orElse("");
  }

  private static JsonObject section(String mrkdwn) {
    return new JsonObject().put("type", "section")
        .put("text", new JsonObject().put("type", "mrkdwn").put("text", cut(mrkdwn, SECTION_LIMIT)));
  }

  private static String targetNote(SlaEvent e) {
    return e.level() == Level.BREACH
        ? e.breachTarget().map(t -> "page SLA " + t.toMinutes() + " min").orElse("past target")
        : e.warningTarget().map(t -> "support SLA " + t.toMinutes() + " min").orElse("past target");
  }

  private static String pagesAt(Optional<java.time.Duration> breach) {
    return breach.map(t -> "pages on-call at " + t.toMinutes() + " min").orElse("no page target");
  }

  private static String cut(String s, int max) {
    return Text.cut(s, max);
  }
}
