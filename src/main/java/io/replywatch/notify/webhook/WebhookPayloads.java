package io.replywatch.notify.webhook;

import io.replywatch.notify.Wording;
import io.replywatch.sla.SlaEvent;
import io.replywatch.text.Text;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;

/**
 * Builds the generic webhook body: one flat JSON object per SLA event, schema version {@value #VERSION}, for
 * receivers we do not know (ticketing, chat bridges, scripts). The schema is documented in the README; fields are
 * only ever added within a version, never renamed or removed. Text is data here, not markup: it keeps its line
 * breaks, loses control characters, and is cut to {@value #MAX_TEXT} chars.
 */
public final class WebhookPayloads {

  /** The schema version receivers can switch on. */
  public static final String VERSION = "1";
  /** Longest {@code text}, in UTF-16 chars. */
  public static final int MAX_TEXT = 4000;

  /** The body for {@code event}. */
  public JsonObject build(SlaEvent event) {
    return new JsonObject()
        .put("version", VERSION)
        .put("level", event.level().id())
        .put("dedup_key", event.dedupKey())
        .put("episode_id", Text.line(event.episodeId(), 256))
        .put("mention_id", Text.line(event.mentionId(), 256))
        .put("brand", Text.line(event.brand(), 256))
        .put("platform", event.platform().id())
        .put("category", event.category().id())
        .put("confidence", Wording.round2(event.confidence()))
        .put("author", Text.handle(event.authorHandle()))
        .put("text", Text.cut(Text.multiLine(event.text()), MAX_TEXT))
        .put("permalink", Text.httpUrl(event.permalink()).orElse(null))
        .put("summary", Wording.summary(event, event.waitedMinutes()))
        .put("opened_at", event.openedAt().toString())
        .put("at", event.at().toString())
        .put("waited_seconds", event.waited().getSeconds())
        .put("close_reason", Wording.closeReason(event).orElse(null))
        .put("targets", new JsonObject()
            .put("warning_seconds", seconds(event.warningTarget()))
            .put("breach_seconds", seconds(event.breachTarget())));
  }

  private static Long seconds(Optional<Duration> target) {
    return target.map(Duration::getSeconds).orElse(null);
  }
}
