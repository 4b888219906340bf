package io.replywatch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.replywatch.bus.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiRoutesTest {
  /**
   * Where Vert.x's BodyHandler puts uploads unless told not to handle them, relative to the working directory: it
   * makes the directory on the first form or multipart body it reads.
   */
  private static final Path UPLOADS = Path.of("file-uploads");

  private final Vertx vertx = Vertx.vertx();
  /** One client, kept in a field: Vert.x 5 closes a client that is no longer referenced when it is collected. */
  private final HttpClient client = vertx.createHttpClient();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private record Reply(int status, String body) {}

  private int serve() throws Exception {
    Router router = Router.router(vertx);
    new ApiRoutes(vertx, null).mount(router);
    // A handler with a bug, to see what a client gets when one throws.
    router.get("/api/v1/broken").handler(ctx -> {
      throw new IllegalStateException("a bug");
    });
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return server.actualPort();
  }

  private Reply send(int port, HttpMethod method, String path, String contentType, String body) throws Exception {
    return client
        .request(method, port, "127.0.0.1", path)
        // The body is asked for in the callback the response arrives in: asked for a step later (another compose
        // on the outer future, which may run on another thread), the body can already have gone by, and reads empty.
        .compose(req -> req.putHeader("content-type", contentType).send(Buffer.buffer(body))
            .compose(response -> response.body().map(b -> new Reply(response.statusCode(), b.toString()))))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldNotLeaveAnUploadDirectoryWhereTheServiceRuns() throws Exception {
    Files.deleteIfExists(UPLOADS); // an empty one left by an older build; a non-empty one is not ours to delete
    int port = serve();

    Reply r = send(port, HttpMethod.POST, "/api/v1/episodes/mastodon-1/close", "application/x-www-form-urlencoded",
        "reason=answered+by+phone");

    assertEquals(400, r.status());
    assertFalse(Files.exists(UPLOADS), "a POST to the API created " + UPLOADS.toAbsolutePath());
  }

  @Test
  void shouldCloseAnEpisodeWhoseIdHasSlashes() throws Exception {
    List<String> asked = new CopyOnWriteArrayList<>();
    vertx.eventBus().<JsonObject>consumer(Addresses.CLOSE_EPISODE, m -> {
      asked.add(m.body().getString("id"));
      m.reply(new JsonObject().put("id", m.body().getString("id")).put("state", "closed"));
    });
    int port = serve();
    String id = "bluesky-at://did:plc:abc123/app.bsky.feed.post/3kxyz";

    Reply r = send(port, HttpMethod.POST, "/api/v1/episodes/" + id + "/close", "application/json",
        "{\"reason\": \"answered by phone\"}");

    assertEquals(200, r.status(), r.body());
    assertEquals(List.of(id), asked);
  }

  @Test
  void shouldReadAnEpisodeIdWhetherPercentEncodedOrNot() {
    String id = "bluesky-at://did:plc:abc123/app.bsky.feed.post/3kxyz";
    assertEquals(id, ApiRoutes.episodeId("/api/v1/episodes/" + id + "/close"));
    assertEquals(id, ApiRoutes.episodeId("/api/v1/episodes/bluesky-at%3A%2F%2Fdid%3Aplc%3Aabc123%2Fapp.bsky.feed.post"
        + "%2F3kxyz/close"));
    assertEquals("x-a+b", ApiRoutes.episodeId("/api/v1/episodes/x-a+b/close"));
  }

  @Test
  void shouldRefuseAParameterTheEndpointDoesNotTake() throws Exception {
    int port = serve();

    Reply typo = send(port, HttpMethod.GET, "/api/v1/mentions?stat=answered", "application/json", "");
    Reply sla = send(port, HttpMethod.GET, "/api/v1/sla?brand=acme&state=waiting", "application/json", "");
    Reply outbox = send(port, HttpMethod.GET, "/api/v1/notifications?limit=5&channel=slack", "application/json", "");

    assertEquals(400, typo.status(), typo.body());
    assertEquals("unknown parameter 'stat': /api/v1/mentions takes state, brand, platform, limit",
        new JsonObject(typo.body()).getString("error"));
    assertEquals(400, sla.status(), sla.body());
    assertEquals("unknown parameter 'state': /api/v1/sla takes brand, platform",
        new JsonObject(sla.body()).getString("error"));
    assertEquals(400, outbox.status(), outbox.body());
    assertEquals("unknown parameter 'channel': /api/v1/notifications takes state, limit",
        new JsonObject(outbox.body()).getString("error"));
  }

  @Test
  void shouldAnswerAWrongPathOrMethodWithJson() throws Exception {
    int port = serve();

    Reply missing = send(port, HttpMethod.GET, "/api/v1/nothing", "application/json", "");
    Reply method = send(port, HttpMethod.POST, "/api/v1/mentions", "application/json", "{}");

    assertEquals(404, missing.status());
    assertEquals("no such endpoint: GET /api/v1/nothing", new JsonObject(missing.body()).getString("error"));
    assertEquals(405, method.status());
    assertEquals("POST is not allowed on /api/v1/mentions", new JsonObject(method.body()).getString("error"));
  }

  @Test
  void shouldAnswerAnUndecodablePathAndAnOversizedBodyWithJson() throws Exception {
    int port = serve();

    Reply path = send(port, HttpMethod.POST, "/api/v1/episodes/mastodon-%ZZ/close", "application/json",
        "{\"reason\": \"x\"}");
    Reply big = send(port, HttpMethod.POST, "/api/v1/episodes/mastodon-1/close", "application/json",
        "{\"reason\": \"" + "a".repeat(20_000) + "\"}");

    assertEquals(400, path.status(), path.body());
    assertEquals("bad request: the path or query could not be decoded", new JsonObject(path.body()).getString("error"));
    assertEquals(413, big.status(), big.body());
    assertEquals("request body over 16 KiB", new JsonObject(big.body()).getString("error"));
  }

  @Test
  void shouldAnswerAnExceptionInAHandlerWithJson() throws Exception {
    int port = serve();

    Reply r = send(port, HttpMethod.GET, "/api/v1/broken", "application/json", "");

    assertEquals(500, r.status(), r.body());
    assertEquals("internal error: IllegalStateException; see the service log",
        new JsonObject(r.body()).getString("error"));
  }
}
