package io.replywatch.simulator;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * What every platform simulator shares: a loopback server on port 0, a script of injected {@link Fault}s served
 * instead of the next answers, a switch that makes the keyword search refuse every query, posts served malformed
 * inside otherwise good pages, and a log of every request with the service time it arrived, so tests can check
 * what a poller sent and when (no request after a 429 before the reset).
 */
public abstract class SimulatorBase extends VerticleBase {

  protected final Clock clock;
  private final FaultScript faults = new FaultScript();
  private final FaultScript lookupFaults = new FaultScript();
  private final List<SimRequest> requests = new CopyOnWriteArrayList<>();
  private final Set<String> malformed = ConcurrentHashMap.newKeySet();
  private final Set<String> deleted = ConcurrentHashMap.newKeySet();
  /** The script's deletions ({@link #deleteAsScripted}): when each post is deleted, if it is. */
  private volatile Function<String, Optional<Instant>> scripted = id -> Optional.empty();
  private volatile boolean refuseSearch;
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
    injectAfter(0, fault);
  }

  /** Serves {@code fault} after {@code okRequests} more requests were answered normally: a fault mid-paging. */
  public void injectAfter(int okRequests, Fault fault) {
    faults.after(okRequests, fault);
  }

  /**
   * Serves {@code fault} instead of the next answer of the post lookup (the deleted-post check's endpoint) only,
   * whatever the mention reads ask meanwhile. Thread-safe.
   */
  public void injectOnLookup(Fault fault) {
    lookupFaults.after(0, fault);
  }

  /**
   * Serves the post {@code postId}, from now on and in every list that shows it, with a field the poller needs
   * broken, the way each simulator says: one bad item in a well-formed page, which the platform sends again on every
   * request (unlike a {@link Fault}, which is served once). Thread-safe.
   */
  public void malformItem(String postId) {
    malformed.add(postId);
  }

  /**
   * Deletes the post {@code postId} on the platform, as its author would: from now on the post lookup answers
   * that it is gone, in the platform's own way. The lists that already served it are left as they were (the
   * deleted-post check only asks the lookup). Thread-safe.
   */
  public void delete(String postId) {
    deleted.add(postId);
  }

  /**
   * Serves a deleted post again: what a lookup against an index that missed it for a while (Bluesky's AppView)
   * looks like. Thread-safe.
   */
  public void undelete(String postId) {
    deleted.remove(postId);
  }

  /** Deletes each post {@code timeline} scripts a deletion for once the clock reaches its time (the demo). */
  public void deleteAsScripted(Timeline timeline) {
    scripted = timeline::deletedAt;
  }

  /** Whether the post {@code postId} was deleted ({@link #delete}, or by the script by now). */
  protected boolean deleted(String postId) {
    return deleted.contains(postId) || scripted.apply(postId).filter(at -> !clock.instant().isBefore(at)).isPresent();
  }

  /** Whether {@code p} is to be served malformed ({@link #malformItem}). */
  protected boolean malformed(SimPost p) {
    return malformed.contains(p.id());
  }

  /** How many posts are served malformed: it only grows, so it tells a cached rendering that it is stale. */
  protected int malformedCount() {
    return malformed.size();
  }

  public List<SimRequest> requests() {
    return List.copyOf(requests);
  }

  /**
   * The keyword search answers 400, in the platform's own error body, to every query, as a platform does to a query
   * it will not run (an operator the plan lacks, one it cannot parse); the other endpoints go on answering.
   */
  public void refuseSearchQueries(boolean refuse) {
    refuseSearch = refuse;
  }

  protected boolean searchRefused() {
    return refuseSearch;
  }

  /** The next injected fault, or null to answer normally. */
  protected Fault nextFault() {
    return faults.next();
  }

  /** The next fault for a request of the post lookup: one injected for it ({@link #injectOnLookup}) first. */
  protected Fault nextFault(boolean lookup) {
    Fault f = lookup ? lookupFaults.next() : null;
    return f != null ? f : faults.next();
  }

  protected void send(RoutingContext ctx, int status, String contentType, String body) {
    ctx.response().putHeader("content-type", contentType);
    send(ctx, status, body);
  }

  /** Answers with the headers the caller has set, and logs the request. */
  protected void send(RoutingContext ctx, int status, String body) {
    requests.add(new SimRequest(ctx.request().path(), ctx.request().query(), clock.instant(), status));
    ctx.response().setStatusCode(status).end(body);
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
