package io.replywatch.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.nio.file.Files;
import java.nio.file.Path;
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

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldNotLeaveAnUploadDirectoryWhereTheServiceRuns() throws Exception {
    Files.deleteIfExists(UPLOADS); // an empty one left by an older build; a non-empty one is not ours to delete
    Router router = Router.router(vertx);
    new ApiRoutes(vertx, null).mount(router);
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    int status = vertx.createHttpClient()
        .request(HttpMethod.POST, server.actualPort(), "127.0.0.1", "/api/v1/episodes/mastodon-1/close")
        .compose(req -> req.putHeader("content-type", "application/x-www-form-urlencoded")
            .send(Buffer.buffer("reason=answered+by+phone")))
        .map(response -> response.statusCode())
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertEquals(400, status);
    assertFalse(Files.exists(UPLOADS), "a POST to the API created " + UPLOADS.toAbsolutePath());
  }
}
