package io.replywatch.notify.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.notify.Events;
import io.replywatch.sla.SlaEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TeamsPayloadsTest {

  private final TeamsPayloads payloads = new TeamsPayloads();

  private static JsonObject card(JsonObject message) {
    return message.getJsonArray("attachments").getJsonObject(0).getJsonObject("content");
  }

  @Test
  void shouldWrapAdaptiveCardInWorkflowsMessage() {
    JsonObject message = payloads.build(Events.warning());
    assertEquals(Set.of("type", "attachments"), message.fieldNames());
    assertEquals("message", message.getString("type"));
    JsonArray attachments = message.getJsonArray("attachments");
    assertEquals(1, attachments.size());
    JsonObject attachment = attachments.getJsonObject(0);
    assertEquals("application/vnd.microsoft.card.adaptive", attachment.getString("contentType"));
    assertTrue(attachment.containsKey("contentUrl") && attachment.getValue("contentUrl") == null);
    JsonObject card = attachment.getJsonObject("content");
    assertEquals("AdaptiveCard", card.getString("type"));
    assertEquals("1.4", card.getString("version"));
    assertEquals("http://adaptivecards.io/schemas/adaptive-card.json", card.getString("$schema"));
    assertEquals("Full", card.getJsonObject("msteams").getString("width"));
  }

  @Test
  void shouldSayAClosedEpisodeWasNotAnswered() {
    JsonArray body = card(payloads.build(Events.closed("deleted on Bluesky"))).getJsonArray("body");
    assertEquals("Closed without a reply after 72 min: complaint on Bluesky", body.getJsonObject(0).getString("text"));
    JsonArray facts = body.getJsonObject(body.size() - 1).getJsonArray("facts");
    assertTrue(facts.contains(new JsonObject().put("title", "Closed after").put("value", "72 min")), facts.encode());
    assertEquals(new JsonArray().add(new JsonObject().put("type", "TextRun").put("text", "Closed because: ")
            .put("weight", "Bolder")).add(new JsonObject().put("type", "TextRun").put("text", "deleted on Bluesky")),
        body.getJsonObject(2).getJsonArray("inlines"), "the reason, someone's words, only in a plain TextRun");
  }

  @Test
  void shouldRenderWarningCardFieldByField() {
    JsonObject card = card(payloads.build(Events.warning()));
    JsonArray body = card.getJsonArray("body");
    assertEquals(4, body.size());
    assertEquals(new JsonObject().put("type", "TextBlock").put("text", "Unanswered complaint: 31 min")
        .put("weight", "Bolder").put("size", "Medium").put("wrap", true).put("color", "Warning"),
        body.getJsonObject(0));
    assertEquals(new JsonObject().put("type", "RichTextBlock").put("inlines", new JsonArray()
            .add(new JsonObject().put("type", "TextRun").put("text", "@jane.bsky.social").put("weight", "Bolder"))
            .add(new JsonObject().put("type", "TextRun").put("text", " on Bluesky"))),
        body.getJsonObject(1));
    assertEquals(Events.TEXT, body.getJsonObject(2).getJsonArray("inlines").getJsonObject(0).getString("text"));
    assertEquals(new JsonArray()
            .add(new JsonObject().put("title", "Brand").put("value", "acme"))
            .add(new JsonObject().put("title", "Category").put("value", "complaint (0.93)"))
            .add(new JsonObject().put("title", "Waiting").put("value", "31 min"))
            .add(new JsonObject().put("title", "SLA").put("value", "support 30m, page 60m")),
        body.getJsonObject(3).getJsonArray("facts"));
    assertEquals(new JsonArray().add(new JsonObject().put("type", "Action.OpenUrl").put("title", "Open post")
        .put("url", Events.PERMALINK)), card.getJsonArray("actions"));
  }

  static Stream<Arguments> titles() {
    return Stream.of(
        Arguments.of(Events.warning(), "Unanswered complaint: 31 min", "Warning"),
        Arguments.of(Events.breach(), "SLA breached: complaint unanswered for 61 min", "Attention"),
        Arguments.of(Events.resolved(), "Answered after 72 min: complaint on Bluesky", "Good"));
  }

  @ParameterizedTest
  @MethodSource("titles")
  void shouldTitleAndColourByLevel(SlaEvent event, String title, String color) {
    JsonObject heading = card(payloads.build(event)).getJsonArray("body").getJsonObject(0);
    assertEquals(title, heading.getString("text"));
    assertEquals(color, heading.getString("color"));
  }

  @Test
  void shouldKeepUntrustedTextOutOfMarkdownAndCutIt() {
    String evil = "[Click here](https://evil.example) **URGENT** <at>General</at>\u202E\n" + "y".repeat(10_000);
    SlaEvent event = Events.withText(Events.breach(), "_bad_\nactor", evil, "javascript:alert(1)");
    JsonObject card = card(payloads.build(event));
    JsonArray body = card.getJsonArray("body");
    for (int i = 0; i < body.size(); i++) {
      JsonObject block = body.getJsonObject(i);
      if ("TextBlock".equals(block.getString("type"))) {
        assertFalse(block.getString("text").contains("evil"), "untrusted text in a Markdown TextBlock");
      }
    }
    String text = body.getJsonObject(2).getJsonArray("inlines").getJsonObject(0).getString("text");
    assertTrue(text.startsWith("[Click here](https://evil.example) **URGENT** <at>General</at>\ny"));
    assertEquals(TeamsPayloads.MAX_TEXT, text.length());
    assertEquals("@_bad_ actor", body.getJsonObject(1).getJsonArray("inlines").getJsonObject(0).getString("text"));
    assertFalse(card.containsKey("actions"), "a javascript: permalink must not become a button");
    assertTrue(payloads.build(event).encode().length() < 28_000, "under Teams' message size limit");
  }

  @Test
  void shouldListABurstOnOneCardWithUntrustedTextOnlyInTextRuns() {
    java.util.List<SlaEvent> burst = new java.util.ArrayList<>();
    for (int i = 0; i < 45; i++) {
      burst.add(Events.withText(i % 2 == 0 ? Events.warning() : Events.breach(), "jane" + i, "**bold** [x](https://evil) " + i,
          Events.PERMALINK));
    }
    JsonObject card = card(payloads.digest(burst));
    JsonArray body = card.getJsonArray("body");
    assertEquals("45 SLA alerts", body.getJsonObject(0).getString("text"));
    assertEquals(1 + TeamsPayloads.DIGEST_MAX, body.size(), "at most 40 listed");
    JsonObject first = body.getJsonObject(1);
    assertEquals("RichTextBlock", first.getString("type"));
    assertEquals("warning 31 min \u00b7 complaint on Bluesky from ",
        first.getJsonArray("inlines").getJsonObject(0).getString("text"));
    assertEquals("**bold** [x](https://evil) 0", first.getJsonArray("inlines").getJsonObject(2).getString("text"),
        "a TextRun shows Markdown as plain text");
  }
}
