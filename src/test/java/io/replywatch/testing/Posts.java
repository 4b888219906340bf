package io.replywatch.testing;

import io.replywatch.classify.Category;
import io.replywatch.classify.Classification;
import io.replywatch.config.Platform;
import io.replywatch.ingest.Mention;
import io.replywatch.ingest.Post;
import java.time.Instant;
import java.util.Optional;

/** Small builders for posts and mentions in tests. */
public final class Posts {
  public static final Instant T0 = Instant.parse("2026-09-01T10:00:00Z");

  private Posts() {}

  public static Post post(String id, String author, Instant at, String inReplyTo) {
    return new Post(Platform.MASTODON, id, author, author + "@example.social", "text of " + id, at,
        Optional.ofNullable(inReplyTo), Optional.empty(), "https://example.social/@" + author + "/" + id,
        Optional.of("en"));
  }

  public static Mention mention(String id, String author, Instant at, String inReplyTo) {
    return new Mention("acme", "acme", post(id, author, at, inReplyTo), at);
  }

  /** As {@link #mention}, by jane, saying {@code text}: for tests that run the real classifier. */
  public static Mention said(String id, String text, Instant at, String inReplyTo) {
    Post p = post(id, "jane", at, inReplyTo);
    return new Mention("acme", "acme", new Post(p.platform(), p.id(), p.authorId(), p.authorHandle(), text,
        p.createdAt(), p.inReplyToId(), p.conversationId(), p.permalink(), p.language()), at);
  }

  public static Classification as(Category category) {
    return new Classification(category, category == Category.COMPLAINT ? -0.8 : 0.0, 0.9, "en", false);
  }
}
