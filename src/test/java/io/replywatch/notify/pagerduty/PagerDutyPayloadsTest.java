package io.replywatch.notify.pagerduty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.notify.Events;
import io.replywatch.sla.Level;
import io.replywatch.sla.SlaEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagerDutyPayloadsTest {

  private static final String KEY = "R0UTINGKEY0123456789ABCDEFGHIJKL";
  private final PagerDutyPayloads payloads = new PagerDutyPayloads(Optional.of("https://monitor.example.com/"));

  @Test
  void shouldBuildTriggerFieldByFieldWhenBreach() {
    JsonObject body = payloads.build(Events.breach(), KEY);

    assertEquals(Set.of("routing_key", "event_action", "dedup_key", "payload", "links", "client", "client_url"),
        body.fieldNames());
    assertEquals(KEY, body.getString("routing_key"));
    assertEquals("trigger", body.getString("event_action"));
    assertEquals("replywatch/acme/bluesky/bluesky-3kxyzabc2", body.getString("dedup_key"));
    JsonObject p = body.getJsonObject("payload");
    assertEquals("Complaint to @acme on Bluesky unanswered for 61 min", p.getString("summary"));
    assertEquals("replywatch/acme", p.getString("source"));
    assertEquals("critical", p.getString("severity"));
    assertEquals("2026-09-01T11:01:00Z", p.getString("timestamp"));
    assertEquals("bluesky", p.getString("component"));
    assertEquals("acme", p.getString("group"));
    assertEquals("unanswered_complaint", p.getString("class"));
    JsonObject d = p.getJsonObject("custom_details");
    assertEquals(61L, d.getLong("age_minutes"));
    assertEquals("complaint", d.getString("category"));
    assertEquals("complaint", d.getString("sentiment"));
    assertEquals(0.93, d.getDouble("confidence"));
    assertEquals("@jane.bsky.social", d.getString("author"));
    assertEquals(Events.TEXT, d.getString("text"));
    assertEquals("3kxyzabc2", d.getString("mention_id"));
    assertEquals("support 30m, page 60m", d.getString("sla"));
    assertEquals(new JsonArray().add(new JsonObject().put("href", Events.PERMALINK).put("text", "Open post")),
        body.getJsonArray("links"));
    assertEquals("Replywatch", body.getString("client"));
    assertEquals("https://monitor.example.com/mentions/3kxyzabc2", body.getString("client_url"));
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource({
      "WARNING, trigger, warning",
      "BREACH, trigger, critical",
      "RESOLVED, resolve, ''",
  })
  void shouldMapLevelToActionAndSeverity(Level level, String action, String severity) {
    JsonObject body = payloads.build(Events.of(level, Duration.ofMinutes(61)), KEY);
    assertEquals(action, body.getString("event_action"));
    assertEquals("replywatch/acme/bluesky/bluesky-3kxyzabc2", body.getString("dedup_key"));
    if (severity.isEmpty()) {
      assertFalse(body.containsKey("payload"));
    } else {
      assertEquals(severity, body.getJsonObject("payload").getString("severity"));
    }
  }

  @Test
  void shouldResolveWithSameKeyAndNothingElse() {
    JsonObject resolve = payloads.build(Events.resolved(), KEY);
    assertEquals(new JsonObject().put("routing_key", KEY)
        .put("dedup_key", payloads.build(Events.breach(), KEY).getString("dedup_key"))
        .put("event_action", "resolve"), resolve);
  }

  @Test
  void shouldKeepSummaryOnOneLineAndUnderLimit() {
    SlaEvent e = Events.withText(Events.breach(), "evil\nFAKE LOG LINE", "x".repeat(5000), "javascript:alert(1)");
    e = new SlaEvent(e.level(), e.episodeId(), e.mentionId(), "b".repeat(2000) + "\nINJECTED", e.platform(),
        e.category(), e.confidence(), e.authorHandle(), e.text(), e.permalink(), e.openedAt(), e.at(), e.waited(),
        e.warningTarget(), e.breachTarget());
    JsonObject body = payloads.build(e, KEY);
    String summary = body.getJsonObject("payload").getString("summary");
    assertTrue(summary.length() <= PagerDutyPayloads.MAX_SUMMARY, "summary length " + summary.length());
    assertFalse(summary.contains("\n"));
    JsonObject d = body.getJsonObject("payload").getJsonObject("custom_details");
    assertEquals("@evil FAKE LOG LINE", d.getString("author"));
    assertEquals(PagerDutyPayloads.MAX_TEXT, d.getString("text").length());
    assertFalse(body.containsKey("links"), "a javascript: permalink must not become a link");
  }

  @Test
  void shouldLinkTheRunbookBesideThePost() {
    JsonObject body = new PagerDutyPayloads(Optional.empty(), Optional.of("https://wiki.example.com/rb"))
        .build(Events.breach(), KEY);
    var links = body.getJsonArray("links");
    assertEquals("Open post", links.getJsonObject(0).getString("text"));
    assertEquals(new JsonObject().put("href", "https://wiki.example.com/rb").put("text", "Runbook"),
        links.getJsonObject(links.size() - 1));
  }

  @Test
  void shouldLeaveClientUrlOutWhenNoMonitorUrl() {
    JsonObject body = new PagerDutyPayloads(Optional.empty()).build(Events.breach(), KEY);
    assertFalse(body.containsKey("client_url"));
  }

  @Test
  void shouldHashOverlongDedupKeyDeterministically() {
    SlaEvent e = Events.forMention(Events.breach(), "m".repeat(400));
    String key = PagerDutyPayloads.dedupKey(e);
    assertEquals(PagerDutyPayloads.MAX_DEDUP_KEY, key.length());
    assertEquals(key, PagerDutyPayloads.dedupKey(e));
    assertTrue(key.startsWith("replywatch/acme/bluesky/"));
  }
}
