package io.replywatch.notify;

import io.replywatch.classify.Category;
import io.replywatch.config.Platform;
import io.replywatch.sla.Level;
import io.replywatch.sla.SlaEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** SLA events for tests, matching the examples of alert-payloads.md (acme, Bluesky, @jane.bsky.social). */
public final class Events {

  public static final Instant OPENED = Instant.parse("2026-09-01T10:00:00Z");
  public static final String TEXT = "Order #1234 never arrived, third time asking";
  public static final String PERMALINK = "https://bsky.app/profile/jane.bsky.social/post/3kxyzabc2";

  private Events() {}

  public static SlaEvent warning() {
    return of(Level.WARNING, Duration.ofMinutes(31));
  }

  public static SlaEvent breach() {
    return of(Level.BREACH, Duration.ofMinutes(61));
  }

  public static SlaEvent resolved() {
    return of(Level.RESOLVED, Duration.ofMinutes(72));
  }

  /** The resolved event of an episode closed without a reply, for {@code reason}. */
  public static SlaEvent closed(String reason) {
    SlaEvent e = resolved();
    return new SlaEvent(e.level(), e.episodeId(), e.mentionId(), e.brand(), e.platform(), e.category(),
        e.confidence(), e.authorHandle(), e.text(), e.permalink(), e.openedAt(), e.at(), e.waited(), e.warningTarget(),
        e.breachTarget(), Optional.of(reason));
  }

  public static SlaEvent of(Level level, Duration waited) {
    return new SlaEvent(level, "bluesky-3kxyzabc2", "3kxyzabc2", "acme", Platform.BLUESKY, Category.COMPLAINT,
        0.93, "jane.bsky.social", TEXT, PERMALINK, OPENED, OPENED.plus(waited), waited,
        Optional.of(Duration.ofMinutes(30)), Optional.of(Duration.ofMinutes(60)));
  }

  public static SlaEvent withText(SlaEvent e, String author, String text, String permalink) {
    return new SlaEvent(e.level(), e.episodeId(), e.mentionId(), e.brand(), e.platform(), e.category(),
        e.confidence(), author, text, permalink, e.openedAt(), e.at(), e.waited(), e.warningTarget(),
        e.breachTarget(), e.closedAs());
  }

  public static SlaEvent forMention(SlaEvent e, String mentionId) {
    return new SlaEvent(e.level(), "bluesky-" + mentionId, mentionId, e.brand(), e.platform(), e.category(),
        e.confidence(), e.authorHandle(), e.text(), e.permalink(), e.openedAt(), e.at(), e.waited(),
        e.warningTarget(), e.breachTarget(), e.closedAs());
  }
}
