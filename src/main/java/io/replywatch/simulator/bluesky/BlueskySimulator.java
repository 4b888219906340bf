package io.replywatch.simulator.bluesky;

import io.replywatch.simulator.Fault;
import io.replywatch.simulator.RateWindow;
import io.replywatch.simulator.SimPost;
import io.replywatch.simulator.SimulatorBase;
import io.replywatch.simulator.Timeline;
import io.replywatch.simulator.bluesky.BlueskyLists.Entry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A Bluesky PDS/AppView on a loopback port serving a scripted {@link Timeline} in the XRPC wire format
 * (social-apis.md §3, §7.3): createSession/refreshSession with expiring access tokens (400 {@code ExpiredToken}),
 * listNotifications with repeated {@code reasons} filtered after paging, searchPosts, getAuthorFeed, opaque
 * newest-to-oldest cursors, {@code RateLimit-*} headers with an epoch reset, 429 with {@code Retry-After},
 * {@code {"error","message"}} bodies, injectable faults, a revocable password, cursors it can be told to refuse
 * (400 {@code InvalidRequest}) and a request log. A post served malformed ({@link #malformItem}) has no
 * {@code indexedAt}, in notifications, search hits and the author feed.
 */
public final class BlueskySimulator extends SimulatorBase {
  public static final int WINDOW_LIMIT = 3000;
  public static final Duration WINDOW = Duration.ofMinutes(5);


  private final Timeline timeline;
  private final String brandDid;
  private final String brandHandle;
  private final BlueskySessions sessions;
  private final RateWindow window = new RateWindow(WINDOW_LIMIT, WINDOW);
  private volatile Timeline keywordPosts = new Timeline();
  private final Set<String> refusedCursors = new HashSet<>();
  private List<Object> viewsKey = List.of();
  private BlueskyViews views;

  public BlueskySimulator(Timeline timeline, Clock clock, String brandDid, String brandHandle, String password) {
    super(clock);
    this.timeline = timeline;
    this.brandDid = brandDid;
    this.brandHandle = brandHandle;
    this.sessions = new BlueskySessions(brandDid, brandHandle, password);
  }

  @Override
  protected void routes(Router router) {
    router.post("/xrpc/com.atproto.server.createSession").handler(BodyHandler.create(false)).handler(this::createSession);
    router.post("/xrpc/com.atproto.server.refreshSession").handler(this::refreshSession);
    router.get("/xrpc/app.bsky.notification.listNotifications").handler(ctx -> list(ctx, "notifications"));
    router.get("/xrpc/app.bsky.feed.searchPosts").handler(ctx -> list(ctx, "posts"));
    router.get("/xrpc/app.bsky.feed.getAuthorFeed").handler(ctx -> list(ctx, "feed"));
    router.get("/xrpc/app.bsky.feed.getPosts").handler(this::getPosts);
  }

  /**
   * {@code app.bsky.feed.getPosts?uris=...&uris=...}: at most 25 URIs (more is a 400 InvalidRequest, as the lexicon's
   * maxLength), answered {@code {"posts":[postView...]}} leaving out the deleted ones ({@link #delete}).
   */
  private synchronized void getPosts(RoutingContext ctx) {
    if (!admitRate(ctx, true) || !admitAuth(ctx)) {
      return;
    }
    List<String> uris = ctx.queryParam("uris");
    if (uris.isEmpty() || uris.size() > 25) {
      error(ctx, 400, "InvalidRequest", "Error: uris must not have more than 25 elements");
      return;
    }
    JsonArray posts = new JsonArray();
    views().posts(uris, p -> deleted(p.id())).forEach(posts::add);
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8");
    send(ctx, 200, new JsonObject().put("posts", posts).encode());
  }

  /** The at:// URI of the post {@code postId} of the timeline, as the lists and the lookup give it. */
  public synchronized String uriOf(String postId) {
    SimPost p = timeline.all().stream().filter(x -> x.id().equals(postId)).findFirst().orElseThrow();
    return views().uri(p);
  }

  /** The app password was revoked: every session dies and logins fail until {@link #restore()}. */
  public synchronized void revoke() {
    sessions.revoke();
  }

  public synchronized void restore() {
    sessions.restore();
  }

  /** Posts that mention no one but contain a keyword: only searchPosts finds them. */
  public BlueskySimulator withKeywordPosts(Timeline posts) {
    this.keywordPosts = posts;
    return this;
  }

  /** How many sessions were created (logins), so tests can check the poller does not log in per poll. */
  public synchronized int logins() {
    return sessions.logins();
  }

  private synchronized void createSession(RoutingContext ctx) {
    if (!admitRate(ctx)) {
      return;
    }
    JsonObject session = sessions.login(ctx.body().asJsonObject());
    if (session == null) {
      error(ctx, 401, "AuthenticationRequired", "Invalid identifier or password");
    } else {
      send(ctx, 200, session.encode());
    }
  }

  private synchronized void refreshSession(RoutingContext ctx) {
    if (!admitRate(ctx)) {
      return;
    }
    JsonObject session = sessions.refresh(bearer(ctx));
    if (session == null) {
      error(ctx, 400, "ExpiredToken", "Token has expired");
    } else {
      send(ctx, 200, session.encode());
    }
  }

  private synchronized void list(RoutingContext ctx, String field) {
    if (!admitRate(ctx) || !admitAuth(ctx)) {
      return;
    }
    BlueskyViews views = views();
    String cursor = ctx.request().getParam("cursor");
    if (cursor != null && refusedCursors.contains(cursor)) {
      error(ctx, 400, "InvalidRequest", "Malformed cursor");
      return;
    }
    try {
      List<Entry> entries;
      Predicate<Entry> keep = e -> true;
      int defaultLimit = 50;
      switch (field) {
        case "notifications" -> {
          List<String> reasons = ctx.queryParam("reasons");
          keep = e -> reasons.isEmpty() || reasons.contains(e.json().getString("reason"));
          entries = views.notifications();
        }
        case "posts" -> {
          String q = ctx.request().getParam("q", "");
          String since = ctx.request().getParam("since");
          if (q.isBlank() || searchRefused()) {
            error(ctx, 400, "BadQueryString", q.isBlank() ? "Error: q is required" : "Error: could not parse query");
            return;
          }
          defaultLimit = 25;
          entries = views.search(q, since == null ? Instant.MIN : Instant.parse(since));
        }
        default -> {
          String actor = ctx.request().getParam("actor");
          if (!brandDid.equals(actor) && !brandHandle.equals(actor)) {
            error(ctx, 400, "InvalidRequest", "Profile not found");
            return;
          }
          entries = views.authorFeed();
        }
      }
      int limit = BlueskyLists.limit(ctx.request().getParam("limit"), defaultLimit);
      ctx.response().putHeader("Content-Type", "application/json; charset=utf-8");
      send(ctx, 200, BlueskyLists.page(entries, cursor, limit, keep, field).encode());
    } catch (IllegalArgumentException | DateTimeParseException e) {
      error(ctx, 400, "InvalidRequest", e.getMessage());
    }
  }

  /**
   * What the lists hold now. Rendered again only when the clock or the timelines moved, so that a walk of a hundred
   * pages over ten thousand posts does not render them all a hundred times.
   */
  private BlueskyViews views() {
    Instant now = clock.instant();
    List<SimPost> posts = timeline.visible(clock);
    List<SimPost> keywordOnly = keywordPosts.visible(clock);
    List<Object> key = List.of(now, posts.size(), keywordOnly.size(), keywordPosts, malformedCount());
    if (!key.equals(viewsKey)) {
      views = new BlueskyViews(posts, keywordOnly, now, brandDid, brandHandle, this::malformed);
      viewsKey = key;
    }
    return views;
  }

  /**
   * The AppView refuses {@code cursor} from now on, as it refuses one it can no longer read: 400
   * {@code InvalidRequest} "Malformed cursor" (the message of atproto's keyset paging).
   */
  public synchronized void refuseCursor(String cursor) {
    refusedCursors.add(cursor);
  }

  /** The rate-limit window and injected faults; answers itself and returns false when the request must stop. */
  private boolean admitRate(RoutingContext ctx) {
    return admitRate(ctx, false);
  }

  private boolean admitRate(RoutingContext ctx, boolean lookup) {
    Instant now = clock.instant();
    Fault fault = nextFault(lookup);
    if (fault != null) {
      BlueskyFaults.serve(ctx, fault, this);
      return false;
    }
    if (!window.admit(now)) {
      rateLimited(ctx, window.reset(now));
      return false;
    }
    rateHeaders(ctx, window.remaining(), window.reset(now));
    return true;
  }

  private boolean admitAuth(RoutingContext ctx) {
    BlueskySessions.Refusal refusal = sessions.check(bearer(ctx));
    if (refusal != null) {
      switch (refusal) {
        case AUTH_MISSING -> error(ctx, 401, "AuthMissing", "Authentication Required");
        case INVALID_TOKEN -> error(ctx, 401, "InvalidToken", "Malformed token");
        case EXPIRED_TOKEN -> error(ctx, 400, "ExpiredToken", "Token has expired");
      }
    }
    return refusal == null;
  }

  /** Expires every live access token (what {@link Fault.Kind#EXPIRED_TOKEN} does before answering 400). */
  void expireAccessTokens() {
    sessions.expireAll();
  }

  Instant clockNow() {
    return clock.instant();
  }

  void block(Duration retryAfter) {
    window.block(clock.instant().plus(retryAfter));
  }

  void rateLimited(RoutingContext ctx, Instant reset) {
    rateHeaders(ctx, 0, reset);
    long seconds = Math.max(1, Duration.between(clock.instant(), reset).toSeconds());
    ctx.response().putHeader("Retry-After", Long.toString(seconds));
    error(ctx, 429, "RateLimitExceeded", "Rate Limit Exceeded");
  }

  private void rateHeaders(RoutingContext ctx, int remaining, Instant reset) {
    long resetSeconds = reset.getEpochSecond() + (reset.getNano() > 0 ? 1 : 0);
    ctx.response().putHeader("RateLimit-Limit", Integer.toString(WINDOW_LIMIT))
        .putHeader("RateLimit-Remaining", Integer.toString(remaining))
        .putHeader("RateLimit-Reset", Long.toString(resetSeconds))
        .putHeader("RateLimit-Policy", WINDOW_LIMIT + ";w=" + WINDOW.toSeconds());
  }

  private static String bearer(RoutingContext ctx) {
    String auth = ctx.request().getHeader("Authorization");
    return auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
  }

  void error(RoutingContext ctx, int status, String name, String message) {
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8");
    send(ctx, status, new JsonObject().put("error", name).put("message", message).encode());
  }

  /** Declared here so that {@link BlueskyFaults}, in this package, can answer through it. */
  @Override
  protected void send(RoutingContext ctx, int status, String body) {
    super.send(ctx, status, body);
  }
}
