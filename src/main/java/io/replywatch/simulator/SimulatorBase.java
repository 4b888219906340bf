package io.replywatch.simulator;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What every platform simulator shares: a loopback server on port 0, a queue of injected {@link Fault}s served
 * instead of the next answers, and a log of every request with the service time it arrived, so tests can check
 * what a poller sent and when (no request after a 429 before the reset).
 */
public abstract class SimulatorBase extends VerticleBase {

  /** A request as the simulator saw it. */
  public record Request(String path, String query, Instant at, int status) {}

  protected final Clock clock;
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;

  protected SimulatorBase(Clock clock) {
    this.clock = clock;
  }

  /** Adds the platform's routes. */
  protected abstract void routes(Router router);

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    routes(router);
    return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").onSuccess(s -> server = s);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** Serves {@code fault} instead of the next answer. Thread-safe. */
  public void inject(Fault fault) {
    synchronized (faults) {
      faults.add(fault);
    }
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The next injected fault, if one is waiting. */
  protected Fault nextFault() {
    synchronized (faults) {
      return faults.poll();
    }
  }

  protected void send(RoutingContext ctx, int status, String contentType, String body) {
    requests.add(new Request(ctx.request().path(), ctx.request().query(), clock.instant(), status));
    ctx.response().putHeader("content-type", contentType).setStatusCode(status).end(body);
  }

  /** The first post of {@code p}'s reply chain: the conversation it belongs to. */
  protected static SimPost root(SimPost p, java.util.Map<String, SimPost> byId) {
    SimPost at = p;
    for (int i = 0; i < 1000 && at.inReplyTo().isPresent() && byId.containsKey(at.inReplyTo().get()); i++) {
      at = byId.get(at.inReplyTo().get());
    }
    return at;
  }
}
