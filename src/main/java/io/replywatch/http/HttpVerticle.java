package io.replywatch.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.replywatch.ingest.SourceHealth;
import io.replywatch.store.ApiQueries;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.Map;

/**
 * The one HTTP port (product.md §3): Prometheus {@code /metrics}, liveness, readiness that names every source and
 * its state (so the monitor is never blind without saying so), and the {@code /api/v1} endpoints.
 */
public final class HttpVerticle extends VerticleBase {
  private final String host;
  private final int port;
  private final PrometheusMeterRegistry registry;
  private final SourceHealth health;
  private final ApiQueries queries;
  private HttpServer server;

  public HttpVerticle(String host, int port, PrometheusMeterRegistry registry, SourceHealth health,
      ApiQueries queries) {
    this.host = host;
    this.port = port;
    this.registry = registry;
    this.health = health;
    this.queries = queries;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
    router.get("/health/live").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "up")));
    router.get("/health/ready").handler(this::ready);
    new ApiRoutes(vertx, queries).mount(router);
    return vertx.createHttpServer().requestHandler(router).listen(port, host).onSuccess(s -> server = s);
  }

  /** The port actually bound (the configured one, or a free one when configured as 0). */
  public int actualPort() {
    return server.actualPort();
  }

  private void ready(RoutingContext ctx) {
    JsonObject sources = new JsonObject();
    for (Map.Entry<String, SourceHealth.Status> e : health.snapshot().entrySet()) {
      SourceHealth.Status s = e.getValue();
      sources.put(e.getKey(), new JsonObject()
          .put("state", s.state().name().toLowerCase(java.util.Locale.ROOT))
          .put("lastSuccess", s.lastSuccess().map(Object::toString).orElse(null))
          .put("detail", s.detail()));
    }
    boolean ready = health.ready();
    json(ctx, ready ? 200 : 503, new JsonObject().put("status", ready ? "ready" : "not ready").put("sources", sources));
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encodePrettily());
  }
}
