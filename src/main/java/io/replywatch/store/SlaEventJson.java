package io.replywatch.store;

import io.replywatch.classify.Category;
import io.replywatch.config.Platform;
import io.replywatch.sla.Level;
import io.replywatch.sla.SlaEvent;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** An {@link SlaEvent} as the outbox stores it, so a notification can be sent after a restart exactly as built. */
public final class SlaEventJson {

  private SlaEventJson() {}

  public static String encode(SlaEvent e) {
    return new JsonObject()
        .put("level", e.level().id()).put("episodeId", e.episodeId()).put("mentionId", e.mentionId())
        .put("brand", e.brand()).put("platform", e.platform().id()).put("category", e.category().id())
        .put("confidence", e.confidence()).put("author", e.authorHandle()).put("text", e.text())
        .put("permalink", e.permalink()).put("openedAt", e.openedAt().toEpochMilli()).put("at", e.at().toEpochMilli())
        .put("waitedMs", e.waited().toMillis())
        .put("warningMs", e.warningTarget().map(Duration::toMillis).orElse(null))
        .put("breachMs", e.breachTarget().map(Duration::toMillis).orElse(null))
        .put("closedAs", e.closedAs().orElse(null))
        .encode();
  }

  public static SlaEvent decode(String json) {
    JsonObject o = new JsonObject(json);
    return new SlaEvent(Level.valueOf(o.getString("level").toUpperCase(java.util.Locale.ROOT)),
        o.getString("episodeId"), o.getString("mentionId"), o.getString("brand"),
        Platform.parse(o.getString("platform")).orElseThrow(), Category.parse(o.getString("category")).orElseThrow(),
        o.getDouble("confidence"), o.getString("author"), o.getString("text"), o.getString("permalink"),
        Instant.ofEpochMilli(o.getLong("openedAt")), Instant.ofEpochMilli(o.getLong("at")),
        Duration.ofMillis(o.getLong("waitedMs")), Optional.ofNullable(o.getLong("warningMs")).map(Duration::ofMillis),
        Optional.ofNullable(o.getLong("breachMs")).map(Duration::ofMillis),
        Optional.ofNullable(o.getString("closedAs"))); // absent in rows written before it existed
  }
}
