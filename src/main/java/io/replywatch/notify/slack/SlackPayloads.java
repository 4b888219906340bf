package io.replywatch.notify.slack;

import io.replywatch.notify.Wording;
import io.replywatch.sla.Level;
import io.replywatch.sla.SlaEvent;
import io.replywatch.text.Text;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds Slack incoming-webhook bodies (alert-payloads.md §2.4): {@code text} for the notification and
 * {@code blocks} for the message. Everything from the mention is untrusted: cleaned by {@link Text} like every other
 * channel's (no control characters or bidi overrides; the author on one line), then put through {@link #escape}.
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
      String text = capitalised(Wording.resolvedAs(e)) + ": " + what + " to @" + escape(e.brand()) + " on " + platform
          + " after " + e.waitedMinutes() + " min" + Wording.closeReason(e).map(r -> " (" + escape(r) + ")").orElse("");
      return new JsonObject().put("text", text).put("blocks", new JsonArray()
          .add(section(":white_check_mark: " + text + "\n" + link(e))));
    }
    String title = (e.level() == Level.BREACH ? capitalised(what) + " past page target" : "Unanswered " + what)
        + ": " + e.waitedMinutes() + " min";
    String text = "Unanswered " + what + " to @" + escape(e.brand()) + " on " + platform + ": " + e.waitedMinutes()
        + " min (" + targetNote(e) + ")";
    JsonObject body = quoted("*" + escape(Text.handle(e.authorHandle())) + "* on " + platform + ": \"",
        Text.multiLine(e.text()), QUOTE_LIMIT, "\"\n" + link(e));
    String context = "brand *" + escape(e.brand()) + "* \u00b7 " + what
        + String.format(Locale.ROOT, " (%.2f)", e.confidence())
        + " \u00b7 " + (e.level() == Level.BREACH ? "on-call paged" : pagesAt(e.breachTarget()));
    return new JsonObject().put("text", text).put("blocks", new JsonArray()
        .add(new JsonObject().put("type", "header").put("text",
            new JsonObject().put("type", "plain_text").put("text", cut(title, 150))))
        .add(body)
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
      blocks.add(quoted(what + " \u00b7 " + e.category().id() + " to @" + escape(e.brand()) + " on "
          + e.platform().displayName() + " from *" + escape(Text.handle(e.authorHandle())) + "*: \"",
          Text.singleLine(e.text()), DIGEST_QUOTE_LIMIT, "\" " + link(e) + " `" + e.episodeId() + "`"));
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

  /**
   * A section quoting the post between {@code before} and {@code after} (which carries the link). The quote is cut
   * by what it becomes once escaped, not by what it was: escaping can make text five times longer ({@code <} is
   * {@code &lt;}), and cutting the whole section afterwards would drop the link at its end.
   */
  private static JsonObject quoted(String before, String cleanText, int quoteLimit, String after) {
    int room = SECTION_LIMIT - before.length() - after.length();
    int take = Math.min(quoteLimit, cleanText.length());
    String quote = escape(cut(cleanText, Math.max(1, take)));
    while (quote.length() > room && take > 1) {
      // Every source character dropped shortens the escaped text by at least one, so this ends within a few rounds.
      take = Math.max(1, take - (quote.length() - room));
      quote = escape(cut(cleanText, take));
    }
    return section(before + quote + after);
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
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
