package io.replywatch.ingest;

import java.time.Instant;

/**
 * A post by someone other than the brand, addressed to the brand (product.md §2). Keyed by (platform, post id).
 *
 * @param brand the configured brand id
 * @param account the handle of the brand account it was found for
 * @param receivedAt when Replywatch saw it; minus {@code post.createdAt()} is the ingest lag
 */
public record Mention(String brand, String account, Post post, Instant receivedAt) {

  public String key() {
    return post.platform().id() + "-" + post.id();
  }
}
