package io.replywatch.sla;

import io.replywatch.ingest.Post;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Builds the {@link SlaEvent} a channel renders from an episode's state. */
final class SlaEvents {

  /** The close reason of an episode the brand's reply closed. */
  static final String REPLIED = "replied";

  private SlaEvents() {}

  static SlaEvent of(Episode e, Level level, Instant at, Duration waited) {
    Post post = e.opening().post();
    // An escalated episode is alerted for the follow-up that gave it its clock: the agent must see the complaint,
    // not the greeting before it. Its id and mentionId stay the opening post's (the dedup key must not move).
    Post quoted = e.escalation().map(x -> x.by().post()).orElse(post);
    return new SlaEvent(level, e.id(), post.id(), e.brand(), e.platform(), e.classification().category(),
        e.classification().confidence(), post.authorHandle(), quoted.text(), quoted.permalink(), e.openedAt(), at,
        waited, e.policy().warning(), e.policy().breach(),
        level == Level.RESOLVED ? e.closeReason().filter(r -> !r.equals(REPLIED)) : Optional.empty());
  }
}
