package io.replywatch.ingest;

import io.replywatch.bus.Addresses;
import io.replywatch.config.Platform;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The open episodes a deleted-post check reads, and the SLA stage's close on the event bus, in memory: a close
 * takes the episode out of the open ones and is recorded with its reason; one not open fails 404, as
 * {@code SlaVerticle.onClose} does.
 */
public final class FakeEpisodes implements OpenEpisodes {
  /** One close the check asked for. */
  public record Closed(String episodeId, String reason) {}

  private final Map<String, Watched> open = new ConcurrentHashMap<>();
  public final List<Closed> closed = new CopyOnWriteArrayList<>();

  public FakeEpisodes(Vertx vertx) {
    vertx.eventBus().<JsonObject>consumer(Addresses.CLOSE_EPISODE, m -> {
      String id = m.body().getString("id");
      if (open.remove(id) == null) {
        m.fail(404, "no open episode " + id);
        return;
      }
      closed.add(new Closed(id, m.body().getString("reason")));
      m.reply(new JsonObject().put("id", id).put("state", "closed"));
    });
  }

  /** Opens an episode on {@code posts} (opening first); returns its id. */
  public String open(Platform platform, Instant openedAt, String... posts) {
    String id = platform.id() + "-" + posts[0];
    open.put(id, new Watched(id, openedAt, List.of(posts)));
    return id;
  }

  @Override
  public List<Watched> open(Platform platform, String brand, String account, int limit) {
    return open.values().stream().sorted(java.util.Comparator.comparing(Watched::openedAt)).limit(limit).toList();
  }
}
