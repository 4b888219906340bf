package io.replywatch.ingest;

import java.util.Optional;

/**
 * What an item set aside earlier reads as with today's parser ({@link Poller#reread}): a customer's post to hand on
 * as a mention, a brand post to hand on as a reply candidate, or nothing (a favourite among Mastodon's
 * notifications, a search hit that the mention stream brings): the item reads, but there is nothing to hand on. One
 * that still cannot be read is no {@code Reread}: reading it throws, and it stays set aside.
 */
public record Reread(Optional<Post> mention, Optional<Post> brandPost) {
  /** The item reads, but is nothing to hand on. */
  public static final Reread NOTHING = new Reread(Optional.empty(), Optional.empty());

  /** A customer's post, subject to the same rules as one read from the wire (not the brand's, not handed on before). */
  public static Reread mention(Post post) {
    return new Reread(Optional.of(post), Optional.empty());
  }

  /** A post of the brand's own timeline, a reply candidate. */
  public static Reread brandPost(Post post) {
    return new Reread(Optional.empty(), Optional.of(post));
  }

  /** The post to hand on, if any. */
  Optional<Post> post() {
    return mention.or(() -> brandPost);
  }
}
