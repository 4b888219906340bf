package io.replywatch.ingest;

import io.replywatch.config.Platform;
import java.util.List;

/**
 * What one poll cycle of one brand account found: the new mentions and the brand's own new posts up to the same
 * moment. The tracker takes both together, so a backfill never alerts on a mention that was already answered
 * (product.md §5).
 */
public record PollBatch(String brand, Platform platform, String account, List<Mention> mentions, List<Post> brandPosts) {

  public boolean isEmpty() {
    return mentions.isEmpty() && brandPosts.isEmpty();
  }
}
