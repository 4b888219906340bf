package io.replywatch.simulator.reddit;

import io.replywatch.simulator.Fault;
import io.replywatch.simulator.RateWindow;
import io.replywatch.simulator.SimPost;
import io.replywatch.simulator.SimulatorBase;
import io.replywatch.simulator.Timeline;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reddit on a loopback port serving a scripted {@link Timeline} (social-apis.md §4, §7.4): the token endpoint
 * (Basic auth, form body, tokens that expire on the injected clock), the inbox ({@code /message/inbox}: username
 * mentions and replies to the brand) and {@code /message/mentions}, new-post search and a user's
 * comments as Listings with fullname {@code before}/{@code after} paging that reaches back 1,000 things, one
 * rate-limit window per client with {@code x-ratelimit-used/-remaining/-reset} (remaining a float, reset in seconds
 * from now), JSON and HTML errors.
 * Customer posts are inbox mentions ({@code t1}) unless marked search-only, which makes them posts ({@code t3});
 * a customer's reply to a brand post is a {@code comment_reply} or {@code post_reply} as written, in the inbox (and
 * under mentions only if it names {@code u/brand}). A post served malformed ({@link #malformItem}) is a thing
 * without {@code created_utc}.
 */
public final class RedditSimulator extends SimulatorBase {
  public static final Duration WINDOW = Duration.ofMinutes(10);
  public static final long TOKEN_LIFETIME_S = 3600;
  private static final String JSON = "application/json; charset=UTF-8";

  private final Timeline timeline;
  private final String brandHandle;
  private final String basicAuth;
  private final String refreshToken;
  private final RateWindow window;
  private final Set<String> searchOnly = ConcurrentHashMap.newKeySet();
  private final Set<String> subredditOnly = ConcurrentHashMap.newKeySet();
  /** Things gone from the listings, by base-36 id. */
  private final Set<String> hidden = ConcurrentHashMap.newKeySet();
  /** Posts a moderator removed, by timeline id. */
  private final Set<String> removed = ConcurrentHashMap.newKeySet();
  private final Set<String> forbidden = ConcurrentHashMap.newKeySet();
  private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
  private volatile boolean revoked;
  private volatile boolean htmlThrottle;
  private volatile int pageCap = 100;
  private volatile int reach = 1000;
  private volatile int issued;

  public RedditSimulator(Timeline timeline, Clock clock, String brandHandle, String clientId, String clientSecret,
      String refreshToken, int windowLimit) {
    super(clock);
    this.timeline = timeline;
    this.brandHandle = brandHandle;
    this.basicAuth = "Basic " + Base64.getEncoder().encodeToString(
        (clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    this.refreshToken = refreshToken;
    this.window = new RateWindow(windowLimit, WINDOW);
  }

  /** The comment names no one: only {@code /r/acme/comments} lists it, not the inbox. */
  public void subredditOnly(String postId) {
    subredditOnly.add(postId);
  }

  /** The post is found only by search, as a submission ({@code t3}), not in the inbox. */
  public void searchOnly(String postId) {
    searchOnly.add(postId);
  }

  /**
   * The thing with this fullname vanished from the listings, even as an anchor (a moderator removed it). The post
   * lookup is told apart: {@link #delete} (the author deleted it) and {@link #removeByModerator}.
   */
  public void hideFromListings(String fullname) {
    hidden.add(fullname.replaceFirst("^t[0-9]_", ""));
  }

  /** A moderator removed the post {@code postId}: {@code /api/info} shows its body as {@code [removed]}. */
  public void removeByModerator(String postId) {
    removed.add(postId);
  }

  /** The fullname Reddit gives the post {@code postId}: {@code t3_} for a search-only submission, else {@code t1_}. */
  public String fullname(String postId) {
    return (searchOnly.contains(postId) ? "t3_" : "t1_") + RedditJson.b36(postId);
  }

  /**
   * Injected 429s come as the edge's HTML "whoa there, pardner!" page without rate-limit headers (IP or
   * User-Agent throttling, gallery-dl#6413) instead of the API's JSON answer.
   */
  public void throttleAsHtml() {
    htmlThrottle = true;
  }

  /**
   * Listings serve at most {@code items} things a page, whatever limit was asked, with {@code after} naming the
   * last one, as Reddit's pages come short when removed things are dropped after the page was cut; 100 undoes it.
   */
  public void shortPages(int items) {
    pageCap = items;
  }

  /**
   * Listings show only their newest {@code items} things, as Reddit's stop at about 1,000 (social-apis.md §4.3):
   * the last page names no {@code after}, and an {@code after} anchor older than that answers an empty listing.
   */
  public void reach(int items) {
    reach = items;
  }

  /**
   * The listing at {@code path} ({@code /r/secret/comments}, {@code /message/inbox}) answers 403 with the
   * {@code reason} Reddit gives for a private subreddit; the token stays good for everything else.
   */
  public void forbid(String path) {
    forbidden.add(path);
  }

  /** The app's credentials are revoked: the token endpoint refuses them and every token stops working. */
  public void revoke() {
    revoked = true;
    tokens.clear();
  }

  /** How many access tokens the token endpoint handed out. */
  public int tokensIssued() {
    return issued;
  }

  @Override
  protected void routes(Router router) {
    router.post("/api/v1/access_token").handler(BodyHandler.create(false)).handler(this::token);
    router.get("/message/mentions").handler(ctx -> listing(ctx, this::inMentions, this::mention));
    router.get("/message/inbox").handler(ctx -> listing(ctx,
        (p, all) -> inMentions(p, all) || !p.brand() && repliesToBrand(p, all), this::inboxItem));
    router.get("/r/:sub/comments").handler(this::subredditComments);
    router.get("/search").handler(ctx -> {
      if (searchRefused()) {
        send(ctx, 400, JSON, "{\"message\": \"Bad Request\", \"error\": 400}");
        return;
      }
      listing(ctx, (p, all) -> !p.brand() && searchOnly.contains(p.id()), (p, all) -> RedditJson.post(p));
    });
    router.get("/user/:name/comments").handler(this::userComments);
    router.get("/api/info").handler(this::info);
  }

  /**
   * Every comment in r/acme, the brand's and the customers' alike, mentions or not; a forbidden one is 403, any
   * other subreddit 404.
   */
  private void subredditComments(RoutingContext ctx) {
    if (ctx.pathParam("sub").equalsIgnoreCase("acme") || forbidden.contains(ctx.request().path())) {
      listing(ctx, (p, all) -> !searchOnly.contains(p.id()), this::comment);
    } else {
      send(ctx, 404, JSON, "{\"message\": \"Not Found\", \"error\": 404}");
    }
  }

  private void userComments(RoutingContext ctx) {
    if (ctx.pathParam("name").equalsIgnoreCase(brandHandle)) {
      listing(ctx, (p, all) -> p.brand(), this::comment);
    } else {
      send(ctx, 404, JSON, "{\"message\": \"Not Found\", \"error\": 404}");
    }
  }

  private void token(RoutingContext ctx) {
    String grant = ctx.request().getFormAttribute("grant_type");
    boolean grantOk = "client_credentials".equals(grant) || "refresh_token".equals(grant)
        && refreshToken != null && refreshToken.equals(ctx.request().getFormAttribute("refresh_token"));
    if (revoked || !basicAuth.equals(ctx.request().getHeader("Authorization"))) {
      send(ctx, 401, JSON, "{\"message\": \"Unauthorized\", \"error\": 401}");
      return;
    }
    if (!grantOk) {
      send(ctx, 400, JSON, "{\"error\": \"invalid_grant\"}");
      return;
    }
    String token = "tok-" + (++issued) + "-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
    tokens.put(token, clock.instant().plusSeconds(TOKEN_LIFETIME_S));
    send(ctx, 200, JSON, new JsonObject().put("access_token", token).put("token_type", "bearer")
        .put("expires_in", TOKEN_LIFETIME_S).put("scope", "*").encode());
  }

  private void listing(RoutingContext ctx, java.util.function.BiPredicate<SimPost, Map<String, SimPost>> which,
      java.util.function.BiFunction<SimPost, Map<String, SimPost>, JsonObject> render) {
    Instant now = clock.instant();
    if (!admit(ctx, now)) {
      return;
    }
    List<SimPost> all = timeline.visible(clock);
    Map<String, SimPost> byId = new HashMap<>();
    all.forEach(p -> byId.put(p.id(), p));
    List<SimPost> items = all.stream().filter(p -> which.test(p, byId))
        .filter(p -> !hidden.contains(RedditJson.b36(p.id()))).toList();
    items = items.subList(Math.max(0, items.size() - reach), items.size());
    int limit = Math.min(pageCap, RedditPages.limit(ctx.request().getParam("limit")));
    RedditPages.Page page = RedditPages.page(items, p -> RedditJson.b36(p.id()),
        strip(ctx.request().getParam("before")), strip(ctx.request().getParam("after")), limit);
    String kind = ctx.request().path().equals("/search") ? "t3_" : "t1_";
    List<JsonObject> things = new ArrayList<>();
    for (SimPost p : page.newestFirst()) {
      JsonObject thing = render.apply(p, byId);
      if (malformed(p)) {
        thing.getJsonObject("data").remove("created_utc");
      }
      things.add(thing);
    }
    rateHeaders(ctx, now);
    send(ctx, 200, JSON, RedditJson.listing(things,
        page.before() == null ? null : kind + page.before(), page.after() == null ? null : kind + page.after()).encode());
  }

  /**
   * A customer comment Reddit files under username mentions: the script's customer comments, except a reply to
   * the brand, which is there only when its text names {@code u/brand} (otherwise only the inbox has it).
   */
  private boolean inMentions(SimPost p, Map<String, SimPost> byId) {
    return !p.brand() && !searchOnly.contains(p.id()) && !subredditOnly.contains(p.id())
        && (!repliesToBrand(p, byId) || RedditJson.names(p, brandHandle));
  }

  private boolean repliesToBrand(SimPost p, Map<String, SimPost> byId) {
    return p.inReplyTo().map(byId::get).filter(SimPost::brand).isPresent();
  }

  private JsonObject mention(SimPost p, Map<String, SimPost> byId) {
    return RedditJson.mention(p, parent(p, byId), link(p, byId), brandHandle);
  }

  /** The inbox shows a reply to the brand as a reply, even when it names {@code u/brand} too. */
  private JsonObject inboxItem(SimPost p, Map<String, SimPost> byId) {
    return repliesToBrand(p, byId) ? RedditJson.reply(p, parent(p, byId), link(p, byId), brandHandle)
        : mention(p, byId);
  }

  private JsonObject comment(SimPost p, Map<String, SimPost> byId) {
    return RedditJson.comment(p, parent(p, byId), link(p, byId));
  }

  /**
   * A reply's parent fullname: a search-only parent is a post, and so is a top-level post of the brand's (its
   * replies are {@code post_reply}); any other parent is a comment; a top-level comment's parent is its post.
   */
  private String parent(SimPost p, Map<String, SimPost> byId) {
    return p.inReplyTo().map(byId::get)
        .map(to -> searchOnly.contains(to.id()) ? "t3_" + RedditJson.b36(to.id())
            : to.brand() && to.inReplyTo().isEmpty() ? "t3_" + link(to, byId) : "t1_" + RedditJson.b36(to.id()))
        .orElse("t3_" + link(p, byId));
  }

  /** The post a comment lives under: the root post if searchable, else a post of its own made up for it. */
  private String link(SimPost p, Map<String, SimPost> byId) {
    SimPost root = root(p, byId);
    return searchOnly.contains(root.id()) ? RedditJson.b36(root.id()) : "z" + RedditJson.b36(root.id());
  }

  /**
   * {@code GET /api/info?id=t1_x,t3_y}: a Listing of the things found, in the order asked, at most 100 (a 400 past
   * that). One its author deleted ({@link #delete}) shows author and body (a submission's selftext) as
   * {@code [deleted]}; one a moderator removed ({@link #removeByModerator}) the author {@code [deleted]} and the body
   * {@code [removed]}; one never there is left out.
   */
  private void info(RoutingContext ctx) {
    Instant now = clock.instant();
    if (!admit(ctx, now, true)) {
      return;
    }
    List<String> names = List.of(ctx.request().getParam("id", "").split(","));
    if (names.size() > 100) {
      send(ctx, 400, JSON, "{\"message\": \"Bad Request\", \"error\": 400}");
      return;
    }
    Map<String, SimPost> byId = new HashMap<>();
    Map<String, SimPost> byName = new HashMap<>();
    timeline.visible(clock).forEach(p -> {
      byId.put(p.id(), p);
      byName.put(fullname(p.id()), p);
    });
    List<JsonObject> things = new ArrayList<>();
    for (String name : names) {
      SimPost p = byName.get(name);
      if (p == null) {
        continue;
      }
      boolean submission = name.startsWith("t3_");
      JsonObject thing = submission ? RedditJson.post(p) : comment(p, byId);
      String text = submission ? "selftext" : "body";
      if (deleted(p.id()) || removed.contains(p.id())) {
        thing.getJsonObject("data").put("author", "[deleted]").put(text, deleted(p.id()) ? "[deleted]" : "[removed]")
            .remove("author_fullname");
      }
      things.add(thing);
    }
    rateHeaders(ctx, now);
    send(ctx, 200, JSON, RedditJson.listing(things, null, null).encode());
  }

  private boolean admit(RoutingContext ctx, Instant now) {
    return admit(ctx, now, false);
  }

  private boolean admit(RoutingContext ctx, Instant now, boolean lookup) {
    String auth = ctx.request().getHeader("Authorization");
    String token = auth != null && auth.regionMatches(true, 0, "bearer ", 0, 7) ? auth.substring(7) : "";
    Instant expiry = tokens.get(token);
    if (expiry == null || !now.isBefore(expiry)) {
      unauthorized(ctx);
      return false;
    }
    Fault fault = nextFault(lookup);
    if (fault != null) {
      switch (fault.kind()) {
        case RATE_LIMIT -> {
          window.block(now, now.plus(fault.retryAfter()));
          if (htmlThrottle) {
            send(ctx, 429, "text/html; charset=UTF-8", "<!doctype html><html><head><title>Too Many Requests</title>"
                + "</head><body><h1>whoa there, pardner!</h1><p>your request has been blocked due to too many "
                + "requests.</p></body></html>");
          } else {
            tooMany(ctx, now);
          }
        }
        case HTML_503 -> send(ctx, 503, "text/html; charset=UTF-8",
            "<!doctype html><html><body><h1>all of our servers are busy right now</h1></body></html>");
        case SERVER_ERROR -> send(ctx, 500, JSON, "{\"message\": \"Internal Server Error\", \"error\": 500}");
        case MALFORMED -> send(ctx, 200, JSON, "{\"kind\": \"Listing\", \"data\": {\"children\": [{\"kind\": ");
        case UNAUTHORIZED -> {
          tokens.clear();
          unauthorized(ctx);
        }
      }
      return false;
    }
    if (!window.admit(now)) {
      tooMany(ctx, now);
      return false;
    }
    if (forbidden.contains(ctx.request().path())) {
      rateHeaders(ctx, now);
      send(ctx, 403, JSON, "{\"reason\": \"private\", \"message\": \"Forbidden\", \"error\": 403}");
      return false;
    }
    return true;
  }

  private void unauthorized(RoutingContext ctx) {
    ctx.response().putHeader("www-authenticate", "Bearer realm=\"reddit\", error=\"invalid_token\"");
    send(ctx, 401, JSON, "{\"message\": \"Unauthorized\", \"error\": 401}");
  }

  private void tooMany(RoutingContext ctx, Instant now) {
    rateHeaders(ctx, now);
    send(ctx, 429, JSON, "{\"message\": \"Too Many Requests\", \"error\": 429}");
  }

  private void rateHeaders(RoutingContext ctx, Instant now) {
    long reset = (Duration.between(now, window.reset(now)).toMillis() + 999) / 1000;
    ctx.response()
        .putHeader("x-ratelimit-used", Integer.toString(window.used()))
        .putHeader("x-ratelimit-remaining", window.remaining(now) + ".0")
        .putHeader("x-ratelimit-reset", Long.toString(reset));
  }

  private static String strip(String fullname) {
    return fullname == null ? null : fullname.replaceFirst("^t[0-9]_", "");
  }
}
