package io.replywatch.http;

import static io.replywatch.testing.Posts.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.replywatch.config.Platform;
import io.replywatch.ingest.Rejected;
import io.replywatch.store.ApiQueries;
import io.replywatch.store.Database;
import io.replywatch.store.SqliteRejectedStore;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v1/rejected}: what the pollers set aside, from the store, newest first, filtered and bounded. */
class RejectedApiTest {
  private final Vertx vertx = Vertx.vertx();
  /** Kept in a field: Vert.x 5 closes a client no longer referenced, even with a request in flight. */
  private final io.vertx.core.http.HttpClient client = vertx.createHttpClient();
  private Database db;
  private int port;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    db = Database.open(dir.resolve("r.db"));
    SqliteRejectedStore store = new SqliteRejectedStore(db);
    ObjectMapper json = new ObjectMapper();
    store.keep(Platform.MASTODON, "acme", "notifications", Rejected.of(json.readTree(
        "{\"id\":\"9\",\"status\":{\"created_at\":\"yesterday\",\"content\":\"<p>hi\\n</p>\"}}"), Optional.of("9"),
        "bad timestamp 'yesterday'"), T0);
    store.keep(Platform.X, "AcmeSupport", "mentions", Rejected.of(json.readTree("{\"text\":\"no id\"}"),
        Optional.empty(), "missing field 'id'"), T0.plusSeconds(60));
    store.recovered(Platform.MASTODON, "acme", "9", T0.plusSeconds(120));
    Router router = Router.router(vertx);
    new ApiRoutes(vertx, new ApiQueries(db, Clock.fixed(T0, ZoneOffset.UTC), List.of())).mount(router);
    port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    db.close();
  }

  @Test
  void shouldListTheItemsSetAsideNewestFirst() throws Exception {
    JsonObject all = get("/api/v1/rejected", 200);
    assertEquals(2, all.getInteger("count"));
    JsonArray items = all.getJsonArray("rejected");
    JsonObject x = items.getJsonObject(0);
    assertEquals("x", x.getString("platform"), "newest first");
    assertEquals(null, x.getString("itemId"));
    assertEquals("missing field 'id'", x.getString("reason"));
    assertEquals(T0.plusSeconds(60).toString(), x.getString("firstSeen"));
    assertTrue(x.containsKey("recoveredAt") && x.getValue("recoveredAt") == null, "not read again: null");
    JsonObject mastodon = items.getJsonObject(1);
    assertEquals("acme", mastodon.getString("account"));
    assertEquals("notifications", mastodon.getString("endpoint"));
    assertEquals("9", mastodon.getString("itemId"));
    assertEquals("yesterday", new JsonObject(mastodon.getString("raw")).getJsonObject("status").getString("created_at"),
        "the platform's JSON, as a string");
    assertEquals(T0.plusSeconds(120).toString(), mastodon.getString("recoveredAt"), "read again by a newer parser");

    assertEquals(List.of("mastodon"), platforms(get("/api/v1/rejected?platform=mastodon", 200)));
    assertEquals(List.of("x"), platforms(get("/api/v1/rejected?limit=1", 200)));
  }

  @Test
  void shouldRefuseBadParameters() throws Exception {
    assertEquals("platform must be one of x, mastodon, bluesky, reddit",
        get("/api/v1/rejected?platform=myspace", 400).getString("error"));
    assertEquals("limit must be a whole number from 1 to 1000", get("/api/v1/rejected?limit=0", 400).getString("error"));
    assertEquals("unknown parameter 'state': /api/v1/rejected takes platform, limit",
        get("/api/v1/rejected?state=all", 400).getString("error"));
  }

  private static List<String> platforms(JsonObject answer) {
    return answer.getJsonArray("rejected").stream().map(o -> ((JsonObject) o).getString("platform")).toList();
  }

  private JsonObject get(String path, int status) throws Exception {
    return client.request(io.vertx.core.http.HttpMethod.GET, port, "127.0.0.1", path)
        // The body is asked for in the callback the response arrives in (see ApiRoutesTest.send).
        .compose(req -> req.send().compose(resp -> resp.body().map(b -> {
          assertEquals(status, resp.statusCode(), b.toString());
          return new JsonObject(b.toString());
        })))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
