package io.replywatch.notify.pagerduty;

import io.replywatch.notify.Wording;
import io.replywatch.sla.Level;
import io.replywatch.sla.SlaEvent;
import io.replywatch.text.Text;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Builds PagerDuty Events API v2 bodies (alert-payloads.md §2.3) from SLA events, with no I/O so every field can be
 * checked in a plain unit test. The {@code dedup_key} is the event's deterministic key, so a retry, a restart or a
 * second replica updates the one open incident instead of opening another, and {@code resolve} closes it.
 */
public final class PagerDutyPayloads {

  /** PagerDuty's limit on {@code payload.summary}. */
  public static final int MAX_SUMMARY = 1024;
  /** PagerDuty's limit on {@code dedup_key}. */
  public static final int MAX_DEDUP_KEY = 255;
  /** Mention text kept in {@code custom_details}: enough to act on, far below the 512 KB body limit. */
  public static final int MAX_TEXT = 2000;

  private final Optional<String> monitorUrl;
  private final Optional<String> runbookUrl;

  /** @param monitorUrl Replywatch's own external base URL, for {@code client_url}; empty to leave it out */
  public PagerDutyPayloads(Optional<String> monitorUrl) {
    this(monitorUrl, Optional.empty());
  }

  /** @param runbookUrl a second link on each trigger, "Runbook", for what on-call should do; empty for none */
  public PagerDutyPayloads(Optional<String> monitorUrl, Optional<String> runbookUrl) {
    this.monitorUrl = monitorUrl.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
    this.runbookUrl = runbookUrl;
  }

  /** The body for {@code event}: {@code trigger} for warning and breach, {@code resolve} for resolved. */
  public JsonObject build(SlaEvent event, String routingKey) {
    if (event.level() == Level.RESOLVED) {
      return new JsonObject()
          .put("routing_key", routingKey)
          .put("dedup_key", dedupKey(event))
          .put("event_action", "resolve");
    }
    JsonObject body = new JsonObject()
        .put("routing_key", routingKey)
        .put("event_action", "trigger")
        .put("dedup_key", dedupKey(event))
        .put("payload", payload(event));
    JsonArray links = new JsonArray();
    Text.httpUrl(event.permalink())
        .ifPresent(url -> links.add(new JsonObject().put("href", url).put("text", "Open post")));
    runbookUrl.ifPresent(url -> links.add(new JsonObject().put("href", url).put("text", "Runbook")));
    if (!links.isEmpty()) {
      body.put("links", links);
    }
    body.put("client", "Replywatch");
    monitorUrl.ifPresent(base -> body.put("client_url", base + "/mentions/" + Text.singleLine(event.mentionId())));
    return body;
  }

  private static JsonObject payload(SlaEvent event) {
    String category = event.category().id();
    JsonObject details = new JsonObject()
        .put("age_minutes", event.waitedMinutes())
        .put("category", category)
        .put("sentiment", category)
        .put("confidence", Wording.round2(event.confidence()))
        .put("author", Text.handle(event.authorHandle()))
        .put("text", Text.cut(Text.multiLine(event.text()), MAX_TEXT))
        .put("mention_id", Text.line(event.mentionId(), 128))
        .put("sla", Wording.targets(event));
    return new JsonObject()
        .put("summary", Text.line(Wording.summary(event, event.waitedMinutes()), MAX_SUMMARY))
        .put("source", "replywatch/" + Text.singleLine(event.brand()))
        .put("severity", event.level() == Level.BREACH ? "critical" : "warning")
        .put("timestamp", event.at().toString())
        .put("component", event.platform().id())
        .put("group", Text.singleLine(event.brand()))
        .put("class", "unanswered_" + category)
        .put("custom_details", details);
  }

  /**
   * {@link SlaEvent#dedupKey()}, or, in the unlikely case it is longer than PagerDuty allows, its start plus a
   * SHA-256 of the whole key: still deterministic and still unique.
   */
  static String dedupKey(SlaEvent event) {
    String key = event.dedupKey();
    if (key.length() <= MAX_DEDUP_KEY) {
      return key;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      String hex = HexFormat.of().formatHex(hash);
      return key.substring(0, MAX_DEDUP_KEY - hex.length() - 1) + "#" + hex;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
