package io.replywatch.notify.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.replywatch.classify.Category;
import io.replywatch.config.Platform;
import io.replywatch.notify.Events;
import io.replywatch.sla.Level;
import io.replywatch.sla.SlaEvent;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WebhookPayloadsTest {

  private final WebhookPayloads payloads = new WebhookPayloads();

  @Test
  void shouldBuildBreachExactly() {
    JsonObject expected = new JsonObject()
        .put("version", "1")
        .put("level", "breach")
        .put("dedup_key", "replywatch/acme/bluesky/bluesky-3kxyzabc2")
        .put("episode_id", "bluesky-3kxyzabc2")
        .put("mention_id", "3kxyzabc2")
        .put("brand", "acme")
        .put("platform", "bluesky")
        .put("category", "complaint")
        .put("confidence", 0.93)
        .put("author", "@jane.bsky.social")
        .put("text", Events.TEXT)
        .put("permalink", Events.PERMALINK)
        .put("summary", "Complaint to @acme on Bluesky unanswered for 61 min")
        .put("opened_at", "2026-09-01T10:00:00Z")
        .put("at", "2026-09-01T11:01:00Z")
        .put("waited_seconds", 3660L)
        .putNull("close_reason")
        .put("targets", new JsonObject().put("warning_seconds", 1800L).put("breach_seconds", 3600L));
    assertEquals(expected, payloads.build(Events.breach()));
  }

  /** A post deleted on the platform, or a close by hand: resolved, but not answered, and the webhook says why. */
  @Test
  void shouldSayAClosedEpisodeWasNotAnswered() {
    JsonObject body = payloads.build(Events.closed("deleted on Bluesky"));
    assertEquals("resolved", body.getString("level"));
    assertEquals("Complaint to @acme on Bluesky closed without a reply after 72 min", body.getString("summary"));
    assertEquals("deleted on Bluesky", body.getString("close_reason"));
    assertNull(payloads.build(Events.resolved()).getValue("close_reason"), "answered by the brand");
    assertEquals("Complaint to @acme on Bluesky answered after 72 min",
        payloads.build(Events.resolved()).getString("summary"));
  }

  @ParameterizedTest
  @EnumSource(Level.class)
  void shouldNameLevelInLowerCase(Level level) {
    assertEquals(level.id(), payloads.build(Events.of(level, Duration.ofMinutes(40))).getString("level"));
  }

  @Test
  void shouldWriteNullsForMissingTargetsAndUnsafeLink() {
    SlaEvent e = new SlaEvent(Level.WARNING, "x-1", "1", "acme", Platform.X, Category.QUESTION, 0.5, "bob",
        "line one\r\nline two\u0007", "javascript:alert(1)", Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2026-01-01T00:30:00Z"), Duration.ofMinutes(30), Optional.empty(), Optional.empty());
    JsonObject body = payloads.build(e);
    assertNull(body.getValue("permalink"));
    assertEquals(new JsonObject().putNull("warning_seconds").putNull("breach_seconds"), body.getJsonObject("targets"));
    assertEquals("line one\nline two", body.getString("text"));
    assertEquals(WebhookPayloads.MAX_TEXT,
        payloads.build(Events.withText(e, "bob", "z".repeat(9000), null)).getString("text").length());
  }
}
