package io.replywatch.sla;

import io.replywatch.ingest.Post;
import java.time.Duration;
import java.time.Instant;

/** Builds the {@link SlaEvent} a channel renders from an episode's state. */
final class SlaEvents {

  private SlaEvents() {}

  static SlaEvent of(Episode e, Level level, Instant at, Duration waited) {
    Post post = e.opening().post();
    return new SlaEvent(level, e.id(), post.id(), e.brand(), e.platform(), e.classification().category(),
        e.classification().confidence(), post.authorHandle(), post.text(), post.permalink(), e.openedAt(), at,
        waited, e.policy().warning(), e.policy().breach());
  }
}
