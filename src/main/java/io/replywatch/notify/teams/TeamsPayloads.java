package io.replywatch.notify.teams;

import io.replywatch.notify.Wording;
import io.replywatch.sla.Level;
import io.replywatch.sla.SlaEvent;
import io.replywatch.text.Text;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Builds the body a Microsoft Teams Workflows webhook ("Send webhook alerts to a channel") accepts: a
 * {@code message} with one Adaptive Card 1.4 attachment (the old Office 365 MessageCard is no longer accepted).
 *
 * <p>Untrusted text (the post and its author) goes only into {@code TextRun}s of a {@code RichTextBlock}, which
 * Adaptive Cards render as plain text: no Markdown, so a post cannot forge bold text or a link that lies about its
 * target. {@code TextBlock}s, which do render Markdown, hold only our own words and numbers. The only link is an
 * {@code Action.OpenUrl} to the permalink, and only when it is an http(s) URL.
 */
public final class TeamsPayloads {

  /** Mention text kept on the card; Teams rejects messages over about 28 KB. */
  public static final int MAX_TEXT = 3000;
  static final int MAX_AUTHOR = 100;

  /** The most events one digest card lists; the card stays far below Teams' ~28 KB. */
  public static final int DIGEST_MAX = io.replywatch.notify.Notifier.DIGEST_MAX;
  static final int DIGEST_TEXT = 200;

  /** The webhook body for {@code event}. */
  public JsonObject build(SlaEvent event) {
    JsonObject card = card(body(event));
    Text.httpUrl(event.permalink()).ifPresent(url -> card.put("actions", new JsonArray().add(new JsonObject()
        .put("type", "Action.OpenUrl").put("title", "Open post").put("url", url))));
    return message(card);
  }

  /** One card for a burst: a count, then one plain-text line per event; untrusted text only in TextRuns. */
  public JsonObject digest(java.util.List<SlaEvent> events) {
    JsonArray body = new JsonArray().add(new JsonObject().put("type", "TextBlock")
        .put("text", events.size() + " SLA alerts").put("weight", "Bolder").put("size", "Medium").put("wrap", true));
    for (SlaEvent e : events.subList(0, Math.min(DIGEST_MAX, events.size()))) {
      String head = switch (e.level()) {
        case WARNING -> "warning " + e.waitedMinutes() + " min";
        case BREACH -> "page " + e.waitedMinutes() + " min";
        case RESOLVED -> Wording.resolvedAs(e) + " after " + e.waitedMinutes() + " min";
      };
      JsonObject line = richText(run(head + " \u00b7 " + e.category().id() + " on " + e.platform().displayName() + " from ")
          .put("weight", "Bolder"),
          run(Text.cut(Text.handle(e.authorHandle()), MAX_AUTHOR) + ": "),
          run(Text.cut(Text.singleLine(e.text()), DIGEST_TEXT)));
      body.add(line);
    }
    return message(card(body));
  }

  private static JsonObject card(JsonArray body) {
    return new JsonObject()
        .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
        .put("type", "AdaptiveCard")
        .put("version", "1.4")
        .put("msteams", new JsonObject().put("width", "Full"))
        .put("body", body);
  }

  private static JsonObject message(JsonObject card) {
    return new JsonObject()
        .put("type", "message")
        .put("attachments", new JsonArray().add(new JsonObject()
            .put("contentType", "application/vnd.microsoft.card.adaptive")
            .putNull("contentUrl")
            .put("content", card)));
  }

  private static JsonArray body(SlaEvent event) {
    JsonArray body = new JsonArray()
        .add(new JsonObject()
            .put("type", "TextBlock")
            .put("text", title(event))
            .put("weight", "Bolder")
            .put("size", "Medium")
            .put("wrap", true)
            .put("color", color(event.level())))
        .add(richText(
            run(Text.cut(Text.handle(event.authorHandle()), MAX_AUTHOR)).put("weight", "Bolder"),
            run(" on " + event.platform().displayName())));
    String text = Text.cut(Text.multiLine(event.text()), MAX_TEXT);
    if (!text.isEmpty() && event.level() != Level.RESOLVED) {
      body.add(richText(run(text)));
    }
    // Whoever called the close API wrote the reason: like a post's text, only in a plain TextRun.
    Wording.closeReason(event).ifPresent(r -> body.add(richText(run("Closed because: ").put("weight", "Bolder"),
        run(r))));
    body.add(new JsonObject().put("type", "FactSet").put("facts", new JsonArray()
        .add(fact("Brand", Text.line(event.brand(), 100)))
        .add(fact("Category", event.category().id() + " (" + Wording.confidence(event.confidence()) + ")"))
        .add(fact(event.level() == Level.RESOLVED ? event.closedAs().isPresent() ? "Closed after" : "Answered after"
            : "Waiting", event.waitedMinutes() + " min"))
        .add(fact("SLA", Wording.targets(event)))));
    return body;
  }

  /** Our own words only: "Unanswered complaint: 31 min", "Paging on-call: ...", "Answered after 72 min: ...". */
  static String title(SlaEvent event) {
    String category = event.category().id();
    return switch (event.level()) {
      case WARNING -> "Unanswered " + category + ": " + event.waitedMinutes() + " min";
      case BREACH -> "SLA breached: " + category + " unanswered for " + event.waitedMinutes() + " min";
      case RESOLVED -> (event.closedAs().isPresent() ? "Closed without a reply after " : "Answered after ")
          + event.waitedMinutes() + " min: " + category + " on " + event.platform().displayName();
    };
  }

  private static String color(Level level) {
    return switch (level) {
      case WARNING -> "Warning";
      case BREACH -> "Attention";
      case RESOLVED -> "Good";
    };
  }

  private static JsonObject richText(JsonObject... runs) {
    JsonArray inlines = new JsonArray();
    for (JsonObject r : runs) {
      inlines.add(r);
    }
    return new JsonObject().put("type", "RichTextBlock").put("inlines", inlines);
  }

  private static JsonObject run(String text) {
    return new JsonObject().put("type", "TextRun").put("text", text);
  }

  private static JsonObject fact(String title, String value) {
    return new JsonObject().put("title", title).put("value", value);
  }
}
