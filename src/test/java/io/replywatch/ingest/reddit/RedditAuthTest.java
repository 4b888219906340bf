package io.replywatch.ingest.reddit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.config.Secret;
import io.replywatch.ingest.PollException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedditAuthTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void tearDown() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldSayWhyTheTokenEndpointCouldNotBeReached() throws Exception {
    // A token endpoint that drops the connection without answering. (Not a freed port: another test's server may
    // take it over before the request is sent.)
    HttpServer server = vertx.createHttpServer().requestHandler(r -> r.connection().close())
        .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    int port = server.actualPort();
    RedditAuth auth = new RedditAuth(WebClient.create(vertx), "http://127.0.0.1:" + port + "/api/v1/access_token",
        new Secret("client-id:client-secret"), Clock.systemUTC());

    Throwable e = auth.token().toCompletionStage().toCompletableFuture().handle((t, err) -> err).get(10,
        TimeUnit.SECONDS);
    PollException p = (PollException) (e.getCause() instanceof PollException ? e.getCause() : e);
    assertEquals(PollException.Kind.TRANSIENT, p.kind());
    assertEquals("Reddit token request failed: HttpClosedException: Connection was closed", p.getMessage());
    assertTrue(!p.getMessage().contains("client-secret"), p.getMessage());
  }
}
