package io.replywatch.notify.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.notify.Events;
import io.replywatch.sla.Level;
import io.replywatch.sla.SlaEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertmanagerPayloadsTest {

  private final AlertmanagerPayloads payloads = new AlertmanagerPayloads(
      Optional.of("https://monitor.example.com"), Optional.of("https://runbooks.example.com/social-sla"),
      Duration.ofMinutes(5));

  @Test
  void shouldBuildBreachFieldByField() {
    SlaEvent breach = Events.breach();
    JsonArray body = payloads.build(breach, breach.at());

    assertEquals(1, body.size());
    JsonObject alert = body.getJsonObject(0);
    assertEquals(Set.of("labels", "annotations", "startsAt", "endsAt", "generatorURL"), alert.fieldNames());
    assertEquals(new JsonObject()
        .put("alertname", "SocialComplaintUnanswered")
        .put("stage", "oncall")
        .put("severity", "page")
        .put("brand", "acme")
        .put("platform", "bluesky")
        .put("category", "complaint")
        .put("mention_id", "3kxyzabc2"), alert.getJsonObject("labels"));
    JsonObject a = alert.getJsonObject("annotations");
    assertEquals("Complaint to @acme on Bluesky unanswered for 61 min", a.getString("summary"));
    assertEquals("Author @jane.bsky.social, sentiment complaint (0.93). SLA: support 30m, page 60m.",
        a.getString("description"));
    assertEquals(Events.PERMALINK, a.getString("mention_url"));
    assertEquals("https://runbooks.example.com/social-sla", a.getString("runbook_url"));
    assertEquals("61", a.getString("age_minutes"));
    assertEquals(Events.TEXT, a.getString("text"));
    assertEquals("replywatch/acme/bluesky/bluesky-3kxyzabc2", a.getString("dedup_key"));
    assertEquals("2026-09-01T11:00:00Z", alert.getString("startsAt"), "openedAt + breach target");
    assertEquals("2026-09-01T11:06:00Z", alert.getString("endsAt"), "now + ttl");
    assertEquals("https://monitor.example.com/mentions/3kxyzabc2", alert.getString("generatorURL"));
  }

  @ParameterizedTest(name = "{0} -> stage {1}, severity {2}")
  @CsvSource({"WARNING, support, warning, 2026-09-01T10:30:00Z", "BREACH, oncall, page, 2026-09-01T11:00:00Z"})
  void shouldMapLevelToStageAndSeverity(Level level, String stage, String severity, String startsAt) {
    SlaEvent event = Events.of(level, Duration.ofMinutes(level == Level.WARNING ? 31 : 61));
    JsonObject alert = payloads.build(event, event.at()).getJsonObject(0);
    assertEquals(stage, alert.getJsonObject("labels").getString("stage"));
    assertEquals(severity, alert.getJsonObject("labels").getString("severity"));
    assertEquals(startsAt, alert.getString("startsAt"));
  }

  @Test
  void shouldKeepLabelsStableAndMoveAgeToAnnotationsWhenResent() {
    SlaEvent breach = Events.breach();
    JsonObject first = payloads.build(breach, breach.at()).getJsonObject(0);
    JsonObject later = payloads.build(breach, breach.at().plus(Duration.ofMinutes(9))).getJsonObject(0);
    assertEquals(first.getJsonObject("labels"), later.getJsonObject("labels"));
    assertEquals(first.getString("startsAt"), later.getString("startsAt"));
    assertEquals("70", later.getJsonObject("annotations").getString("age_minutes"));
    assertEquals("Complaint to @acme on Bluesky unanswered for 70 min",
        later.getJsonObject("annotations").getString("summary"));
    assertEquals("2026-09-01T11:15:00Z", later.getString("endsAt"));
  }

  @Test
  void shouldResolveEveryReachedStageWithSameLabelsAndReplyTime() {
    SlaEvent resolved = Events.resolved();
    JsonArray body = payloads.build(resolved, resolved.at().plus(Duration.ofMinutes(2)));
    SlaEvent warning = Events.warning();
    SlaEvent breach = Events.breach();
    assertEquals(2, body.size());
    assertEquals(payloads.build(warning, warning.at()).getJsonObject(0).getJsonObject("labels"),
        body.getJsonObject(0).getJsonObject("labels"));
    assertEquals(payloads.build(breach, breach.at()).getJsonObject(0).getJsonObject("labels"),
        body.getJsonObject(1).getJsonObject("labels"));
    for (int i = 0; i < 2; i++) {
      assertEquals("2026-09-01T11:12:00Z", body.getJsonObject(i).getString("endsAt"), "the reply time");
    }
    assertEquals("2026-09-01T10:30:00Z", body.getJsonObject(0).getString("startsAt"));
    assertEquals("Complaint to @acme on Bluesky answered after 72 min",
        body.getJsonObject(1).getJsonObject("annotations").getString("summary"));
  }

  @Test
  void shouldResolveEveryStageWithStartsAtNotAfterEndsAtWhenAnsweredBeforeBreach() {
    SlaEvent resolved = Events.of(Level.RESOLVED, Duration.ofMinutes(45));
    JsonArray body = payloads.build(resolved, resolved.at());
    assertEquals(2, body.size(), "the breach may have fired before the reply was read: its alert is resolved too");
    assertEquals("support", body.getJsonObject(0).getJsonObject("labels").getString("stage"));
    assertEquals("oncall", body.getJsonObject(1).getJsonObject("labels").getString("stage"));
    for (int i = 0; i < 2; i++) {
      Instant starts = Instant.parse(body.getJsonObject(i).getString("startsAt"));
      assertFalse(starts.isAfter(Instant.parse(body.getJsonObject(i).getString("endsAt"))));
    }
  }

  @Test
  void shouldResolveTheFiredWarningWhenTheReplyIsStampedBeforeItsDeadline() {
    // The warning fired at 10:30; the next poll read a reply written at 10:29, so the response time is 29 min.
    SlaEvent warning = Events.warning();
    SlaEvent resolved = Events.of(Level.RESOLVED, Duration.ofMinutes(29));
    JsonArray body = payloads.build(resolved, warning.at().plus(Duration.ofMinutes(1)));
    JsonObject support = body.stream().map(JsonObject.class::cast)
        .filter(a -> "support".equals(a.getJsonObject("labels").getString("stage"))).findFirst()
        .orElseThrow(() -> new AssertionError("no resolve for the warning that fired: " + body.encode()));
    assertEquals(payloads.build(warning, warning.at()).getJsonObject(0).getJsonObject("labels"),
        support.getJsonObject("labels"));
    assertEquals("2026-09-01T10:29:00Z", support.getString("endsAt"), "ended, at the reply time");
  }

  @Test
  void shouldKeepUntrustedTextOutOfLabelsAndOnOneLine() {
    SlaEvent e = Events.withText(Events.breach(), "x\ninjected", "hi\u202E\nthere", "javascript:alert(1)");
    JsonObject alert = new AlertmanagerPayloads(Optional.empty(), Optional.empty(), Duration.ofMinutes(5))
        .build(e, e.at()).getJsonObject(0);
    assertFalse(alert.getJsonObject("labels").encode().contains("injected"));
    assertEquals("hi\nthere", alert.getJsonObject("annotations").getString("text"));
    assertTrue(alert.getJsonObject("annotations").getString("description").startsWith("Author @x injected,"));
    assertFalse(alert.getJsonObject("annotations").containsKey("mention_url"));
    assertFalse(alert.getJsonObject("annotations").containsKey("runbook_url"));
    assertFalse(alert.containsKey("generatorURL"));
  }
}
