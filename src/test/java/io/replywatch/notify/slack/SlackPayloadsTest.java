package io.replywatch.notify.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.classify.Category;
import io.replywatch.config.Platform;
import io.replywatch.sla.Level;
import io.replywatch.sla.SlaEvent;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Slack incoming-webhook bodies (alert-payloads.md §2.4) and the escaping of untrusted text. */
class SlackPayloadsTest {
  private static final Instant T0 = Instant.parse("2026-09-01T10:00:00Z");

  static SlaEvent event(Level level, String text, String author, String permalink, long waitedMin) {
    return new SlaEvent(level, "bluesky-3kxyzabc2", "3kxyzabc2", "acme", Platform.BLUESKY, Category.COMPLAINT, 0.93,
        author, text, permalink, T0, T0.plus(Duration.ofMinutes(waitedMin)), Duration.ofMinutes(waitedMin),
        Optional.of(Duration.ofMinutes(30)), Optional.of(Duration.ofMinutes(60)));
  }

  @Test
  void shouldBuildTheDocumentedWarningShape() {
    JsonObject body = SlackPayloads.of(event(Level.WARNING, "Order #1234 never arrived, third time asking",
        "jane.bsky.social", "https://bsky.app/profile/jane.bsky.social/post/3kxyzabc2", 31));
    assertEquals("Unanswered complaint to @acme on Bluesky: 31 min (support SLA 30 min)", body.getString("text"));
    assertEquals("header", body.getJsonArray("blocks").getJsonObject(0).getString("type"));
    assertEquals("Unanswered complaint: 31 min",
        body.getJsonArray("blocks").getJsonObject(0).getJsonObject("text").getString("text"));
    assertEquals("*@jane.bsky.social* on Bluesky: \"Order #1234 never arrived, third time asking\"\n"
            + "<https://bsky.app/profile/jane.bsky.social/post/3kxyzabc2|Open post>",
        body.getJsonArray("blocks").getJsonObject(1).getJsonObject("text").getString("text"));
    assertEquals("brand *acme* \u00b7 complaint (0.93) \u00b7 pages on-call at 60 min", body.getJsonArray("blocks")
        .getJsonObject(2).getJsonArray("elements").getJsonObject(0).getString("text"));
  }

  @Test
  void shouldSayHowLongItTookWhenResolved() {
    JsonObject body = SlackPayloads.of(event(Level.RESOLVED, "x", "jane", "https://bsky.app/p", 72));
    assertEquals("Answered: complaint to @acme on Bluesky after 72 min", body.getString("text"));
  }

  /** Closed without a reply: not "Answered", and the reason (an operator's words, escaped) in brackets. */
  @Test
  void shouldSayAClosedEpisodeWasNotAnswered() {
    assertEquals("Closed without a reply: complaint to @acme on Bluesky after 72 min (deleted on Bluesky)",
        SlackPayloads.of(io.replywatch.notify.Events.closed("deleted on Bluesky")).getString("text"));
    assertEquals("Closed without a reply: complaint to @acme on Bluesky after 72 min (spam &lt;!channel&gt;)",
        SlackPayloads.of(io.replywatch.notify.Events.closed("spam <!channel>")).getString("text"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", value = {
      "<!channel> help => &lt;!channel&gt; help",
      "<!here> => &lt;!here&gt;",
      "<@U123> look => &lt;@U123&gt; look",
      "<https://evil|bank.com> => &lt;https://evil|bank.com&gt;",
      "a & b => a &amp; b",
      "ping @here and @channel => ping @\u200Bhere and @\u200Bchannel",
  })
  void shouldEscapeUntrustedTextSoItArrivesAsPlainText(String text, String expected) {
    JsonObject body = SlackPayloads.of(event(Level.BREACH, text, "<!channel>", "https://bsky.app/p", 61));
    String section = body.getJsonArray("blocks").getJsonObject(1).getJsonObject("text").getString("text");
    assertTrue(section.contains("\"" + expected + "\""), section);
    assertTrue(section.startsWith("*@&lt;!channel&gt;*"), section);
    assertFalse(body.encode().contains("<!channel>"), body.encode());
  }

  @ParameterizedTest
  @CsvSource({"javascript:alert(1)", "'https://x.com/a|b'", "'https://x.com/<a>'"})
  void shouldLeaveOutLinksThatCouldForgeMarkup(String permalink) {
    JsonObject body = SlackPayloads.of(event(Level.WARNING, "t", "a", permalink, 30));
    assertFalse(body.encode().contains("Open post"), body.encode());
  }

  @Test
  void shouldListABurstInOneDigestWithinSlacksBlockLimit() {
    java.util.List<SlaEvent> burst = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      burst.add(event(i % 2 == 0 ? Level.WARNING : Level.BREACH, "<!here> order " + i, "cust" + i, "https://x.com/" + i, 31));
    }
    JsonObject digest = SlackPayloads.digest(burst.subList(0, 3));
    assertEquals("3 SLA alerts: 2 unanswered past warning, 1 past page target, 0 answered", digest.getString("text"));
    String first = digest.getJsonArray("blocks").getJsonObject(1).getJsonObject("text").getString("text");
    assertTrue(first.startsWith("*warning* 31 min \u00b7 complaint to @acme on Bluesky from *@cust0*: \"&lt;!here&gt; order 0\""), first);
    assertTrue(first.endsWith("`bluesky-3kxyzabc2`"), first);
    assertEquals(1 + SlackPayloads.DIGEST_MAX, SlackPayloads.digest(burst).getJsonArray("blocks").size(),
        "at most 40 listed: 41 blocks, under Slack's 50");
  }

  @Test
  void shouldCutHugeTextsToSlacksSectionLimit() {
    JsonObject body = SlackPayloads.of(event(Level.WARNING, "\uD83D\uDE00".repeat(5000), "a", "https://x.com/p", 30));
    String section = body.getJsonArray("blocks").getJsonObject(1).getJsonObject("text").getString("text");
    assertTrue(section.length() <= 3000, "section is " + section.length());
  }

  @Test
  void shouldRemoveControlAndBidiCharactersLikeEveryOtherChannel() {
    JsonObject body = SlackPayloads.of(event(Level.WARNING, "a\u202Eb\u0007c\r\nd\u2066e", "jane\n03:00 forged\u202E",
        "https://x.com/p", 31));
    String section = body.getJsonArray("blocks").getJsonObject(1).getJsonObject("text").getString("text");
    assertTrue(section.startsWith("*@jane 03:00 forged* on Bluesky: \"abc\nde\"\n"), section);
    String digest = SlackPayloads.digest(java.util.List.of(event(Level.WARNING, "a\u202Eb\nc", "j\u202Eane",
        "https://x.com/p", 31))).getJsonArray("blocks").getJsonObject(1).getJsonObject("text").getString("text");
    assertTrue(digest.contains("from *@j ane*: \"a b c\""), digest);
  }

  @Test
  void shouldKeepTheLinkWhenEscapingMakesTheTextLongerThanTheSection() {
    String link = "<https://x.com/p|Open post>";
    JsonObject body = SlackPayloads.of(event(Level.WARNING, "<".repeat(1300), "<".repeat(100), "https://x.com/p", 31));
    String section = body.getJsonArray("blocks").getJsonObject(1).getJsonObject("text").getString("text");
    assertTrue(section.length() <= 3000, "section is " + section.length());
    assertTrue(section.endsWith("\u2026\"\n" + link), section.substring(section.length() - 60));
    assertFalse(section.matches("(?s).*&[a-z]{0,3}\u2026.*"), "an entity was cut in half");

    String longLink = "https://x.com/" + "p".repeat(2000);
    String digest = SlackPayloads.digest(java.util.List.of(event(Level.WARNING, "<".repeat(300), "<".repeat(100),
        longLink, 31))).getJsonArray("blocks").getJsonObject(1).getJsonObject("text").getString("text");
    assertTrue(digest.length() <= 3000, "digest line is " + digest.length());
    assertTrue(digest.endsWith("\" <" + longLink + "|Open post> `bluesky-3kxyzabc2`"), digest);
  }

  @Test
  void shouldNameTheCategoryInABreachHeader() {
    SlaEvent complaint = event(Level.BREACH, "where is it?", "jane", "https://x.com/p", 61);
    SlaEvent question = new SlaEvent(complaint.level(), complaint.episodeId(), complaint.mentionId(), complaint.brand(),
        complaint.platform(), Category.QUESTION, complaint.confidence(), complaint.authorHandle(), complaint.text(),
        complaint.permalink(), complaint.openedAt(), complaint.at(), complaint.waited(), complaint.warningTarget(),
        complaint.breachTarget());
    assertEquals("Question past page target: 61 min", header(SlackPayloads.of(question)));
    assertEquals("Complaint past page target: 61 min", header(SlackPayloads.of(complaint)));
  }

  @Test
  void shouldWriteTheConfidenceTheSameWayInEveryLocale() {
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.GERMANY);
      JsonObject body = SlackPayloads.of(event(Level.WARNING, "t", "a", "https://x.com/p", 31));
      assertEquals("brand *acme* \u00b7 complaint (0.93) \u00b7 pages on-call at 60 min", body.getJsonArray("blocks")
          .getJsonObject(2).getJsonArray("elements").getJsonObject(0).getString("text"));
    } finally {
      java.util.Locale.setDefault(before);
    }
  }

  private static String header(JsonObject body) {
    return body.getJsonArray("blocks").getJsonObject(0).getJsonObject("text").getString("text");
  }
}
