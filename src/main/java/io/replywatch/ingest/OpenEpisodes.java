package io.replywatch.ingest;

import io.replywatch.config.Platform;
import java.time.Instant;
import java.util.List;

/**
 * The open episodes a poller watches for deleted posts, read from the store. Owned by ingest so the pollers need
 * neither the SLA stage nor the store: {@code store.SqliteOpenEpisodes} implements it, as it does {@link
 * RejectedStore}. Blocking: call it from a worker.
 */
public interface OpenEpisodes {

  /**
   * One open episode as the deleted-post check sees it.
   *
   * @param postIds the episode's messages on the platform, opening post first (on Bluesky at:// URIs)
   */
  record Watched(String episodeId, Instant openedAt, List<String> postIds) {

    public Watched {
      postIds = List.copyOf(postIds);
    }
  }

  /**
   * The open episodes of {@code brand} on {@code platform} whose opening post came to {@code account}, oldest first,
   * at most {@code limit}.
   */
  List<Watched> open(Platform platform, String brand, String account, int limit);
}
