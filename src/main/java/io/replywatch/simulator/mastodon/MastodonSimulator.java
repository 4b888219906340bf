package io.replywatch.simulator.mastodon;

import io.replywatch.simulator.Fault;
import io.replywatch.simulator.RateWindow;
import io.replywatch.simulator.SimPost;
import io.replywatch.simulator.SimulatorBase;
import io.replywatch.simulator.Timeline;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Mastodon instance on a loopback port that serves a scripted {@link Timeline} in Mastodon's wire format
 * (social-apis.md §2): mention notifications and account statuses, newest first, {@code min_id}/{@code max_id}/
 * {@code since_id} paging with {@code Link} headers, {@code X-RateLimit-*} headers with an ISO-8601 reset,
 * 300 requests per 5-minute window, Bearer auth, and injectable faults. A post served malformed
 * ({@link #malformItem}) has a status {@code created_at} of {@code "yesterday"}; a misdated one ({@link #misdate})
 * states the time its origin server claims, while its notification keeps the time the instance received it.
 */
public final class MastodonSimulator extends SimulatorBase {
  public static final int WINDOW_LIMIT = 300;
  public static final Duration WINDOW = Duration.ofMinutes(5);


  private final Timeline timeline;
  private final String brandAccountId;
  private final String token;
  private final RateWindow window = new RateWindow(WINDOW_LIMIT, WINDOW);
  private volatile Timeline keywordPosts = new Timeline();
  private final Map<String, Instant> misdated = new ConcurrentHashMap<>();

  public MastodonSimulator(Timeline timeline, Clock clock, String brandAccountId, String token) {
    super(clock);
    this.timeline = timeline;
    this.brandAccountId = brandAccountId;
    this.token = token;
  }

  @Override
  protected void routes(Router router) {
    router.get("/api/v1/notifications").handler(this::notifications);
    router.get("/api/v1/accounts/:id/statuses").handler(this::statuses);
    router.get("/api/v2/search").handler(this::search);
    router.get("/api/v1/statuses/:id").handler(this::status);
  }

  /**
   * {@code GET /api/v1/statuses/:id}: the status, or 404 {@code {"error":"Record not found"}} for a post deleted
   * ({@link #delete}), not yet posted or never there, as mastodon/documentation methods/statuses.md gives it.
   */
  private void status(RoutingContext ctx) {
    if (!admit(ctx, true)) {
      return;
    }
    String id = ctx.pathParam("id");
    SimPost post = deleted(id) ? null
        : timeline.visible(clock).stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8");
    if (post == null) {
      send(ctx, 404, "{\"error\":\"Record not found\"}");
      return;
    }
    JsonObject status = post.brand() ? MastodonJson.status(post)
        : MastodonJson.notification(post, brandAccountId).getJsonObject("status");
    send(ctx, 200, malform(post, status).encode());
  }

  /**
   * Posts that mention no one but contain a brand keyword: {@code /api/v2/search} finds them (besides the
   * timeline's own posts), notifications never do.
   */
  public MastodonSimulator withKeywordPosts(Timeline posts) {
    this.keywordPosts = posts;
    return this;
  }

  private void notifications(RoutingContext ctx) {
    if (!admit(ctx)) {
      return;
    }
    List<String> types = ctx.queryParam("types[]");
    List<SimPost> mentions = types.isEmpty() || types.contains("mention")
        ? timeline.visible(clock).stream().filter(p -> !p.brand()).toList() : List.of();
    List<SimPost> page = MastodonPages.page(mentions, ctx.request().params(), 40, 80);
    JsonArray body = new JsonArray();
    page.forEach(p -> body.add(malform(p, MastodonJson.notification(p, brandAccountId))));
    reply(ctx, page, body, "/api/v1/notifications");
  }

  private void statuses(RoutingContext ctx) {
    if (!admit(ctx)) {
      return;
    }
    String account = ctx.pathParam("id");
    if (!account.equals(brandAccountId)) {
      send(ctx, 404, "{\"error\":\"Record not found\"}");
      return;
    }
    List<SimPost> own = timeline.visible(clock).stream().filter(SimPost::brand).toList();
    List<SimPost> page = MastodonPages.page(own, ctx.request().params(), 20, 40);
    JsonArray body = new JsonArray();
    page.forEach(p -> body.add(malform(p, MastodonJson.status(p))));
    reply(ctx, page, body, "/api/v1/accounts/" + account + "/statuses");
  }

  /** Statuses containing {@code q} (case-insensitive), from the timeline and the keyword posts, Mastodon-paged. */
  private void search(RoutingContext ctx) {
    if (!admit(ctx)) {
      return;
    }
    String q = ctx.request().getParam("q", "").toLowerCase(java.util.Locale.ROOT);
    if (searchRefused() || q.isBlank() || !"statuses".equals(ctx.request().getParam("type"))) {
      send(ctx, 400, "{\"error\":\"Validation failed: q and type=statuses are required\"}");
      return;
    }
    List<SimPost> found = new ArrayList<>();
    timeline.visible(clock).stream().filter(p -> !p.brand()).forEach(found::add);
    keywordPosts.visible(clock).forEach(found::add);
    List<SimPost> hits = found.stream()
        .filter(p -> p.text().toLowerCase(java.util.Locale.ROOT).contains(q) || (!keywordPosts.all().contains(p)
            && ("@" + MastodonJson.BRAND_USERNAME).contains(q)))
        .sorted(java.util.Comparator.comparing(SimPost::id, io.replywatch.ingest.Ids.ORDER))
        .toList();
    List<SimPost> page = MastodonPages.page(hits, ctx.request().params(), 20, 40);
    JsonArray statuses = new JsonArray();
    page.forEach(p -> statuses.add(malform(p, keywordPosts.all().contains(p)
        ? MastodonJson.status(p) : MastodonJson.notification(p, brandAccountId).getJsonObject("status"))));
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8");
    send(ctx, 200, new JsonObject().put("accounts", new JsonArray()).put("statuses", statuses)
        .put("hashtags", new JsonArray()).encode());
  }

  /**
   * Serves the post {@code postId}'s status, from now on and wherever it shows, with {@code stated} as its
   * {@code created_at}: a remote server's clock, or a backdated import. Its notification keeps the time this
   * instance received it, the post's time in the timeline. Thread-safe.
   */
  public void misdate(String postId, Instant stated) {
    misdated.put(postId, stated);
  }

  /**
   * A status, or a notification's status, with an unreadable {@code created_at} when {@code p} is malformed, or the
   * stated one when it is misdated.
   */
  private JsonObject malform(SimPost p, JsonObject json) {
    JsonObject status = json.containsKey("status") ? json.getJsonObject("status") : json;
    if (malformed(p)) {
      status.put("created_at", "yesterday");
    } else if (misdated.containsKey(p.id())) {
      status.put("created_at", DateTimeFormatter.ISO_INSTANT.format(misdated.get(p.id())));
    }
    return json;
  }

  /** Auth, faults and the rate-limit window; answers the request itself and returns false when it must not go on. */
  private boolean admit(RoutingContext ctx) {
    return admit(ctx, false);
  }

  private boolean admit(RoutingContext ctx, boolean lookup) {
    Instant now = clock.instant();
    String auth = ctx.request().getHeader("Authorization");
    if (auth == null || !auth.equals("Bearer " + token)) {
      ctx.response().putHeader("WWW-Authenticate",
          "Bearer realm=\"Doorkeeper\", error=\"invalid_token\", error_description=\"The access token is invalid\"");
      send(ctx, 401, "{\"error\":\"The access token is invalid\"}");
      return false;
    }
    Fault fault = nextFault(lookup);
    if (fault != null) {
      serveFault(ctx, fault, now);
      return false;
    }
    if (!window.admit(now)) {
      rateLimited(ctx, window.reset(now));
      return false;
    }
    rateHeaders(ctx, window.remaining(), window.reset(now));
    return true;
  }

  private void serveFault(RoutingContext ctx, Fault fault, Instant now) {
    switch (fault.kind()) {
      case RATE_LIMIT -> {
        window.block(now.plus(fault.retryAfter()));
        rateLimited(ctx, now.plus(fault.retryAfter()));
      }
      case HTML_503 -> {
        ctx.response().putHeader("Content-Type", "text/html");
        send(ctx, 503, "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>");
      }
      case SERVER_ERROR -> send(ctx, 500, "{\"error\":\"There was a temporary problem serving your request, please try again\"}");
      case MALFORMED -> send(ctx, 200, "[{\"id\": \"9\", \"type\": \"mention\", \"status\": {\"id\": ");
      case UNAUTHORIZED, EXPIRED_TOKEN -> send(ctx, 401, "{\"error\":\"The access token is invalid\"}");
    }
  }

  private void rateLimited(RoutingContext ctx, Instant reset) {
    rateHeaders(ctx, 0, reset);
    send(ctx, 429, "{\"error\":\"Too many requests\"}");
  }

  private void rateHeaders(RoutingContext ctx, int remaining, Instant reset) {
    ctx.response()
        .putHeader("X-RateLimit-Limit", Integer.toString(WINDOW_LIMIT))
        .putHeader("X-RateLimit-Remaining", Integer.toString(remaining))
        .putHeader("X-RateLimit-Reset", DateTimeFormatter.ISO_INSTANT.format(reset.truncatedTo(ChronoUnit.MICROS)));
  }

  private void reply(RoutingContext ctx, List<SimPost> page, JsonArray body, String path) {
    List<String> links = new ArrayList<>();
    if (!page.isEmpty()) {
      // Newest first: the last entry is the oldest of the page.
      String query = MastodonPages.carriedQuery(ctx.request().params());
      links.add("<" + baseUrl() + path + "?max_id=" + page.get(page.size() - 1).id() + query + ">; rel=\"next\"");
      links.add("<" + baseUrl() + path + "?min_id=" + page.get(0).id() + query + ">; rel=\"prev\"");
      ctx.response().putHeader("Link", String.join(", ", links));
    }
    ctx.response().putHeader("Content-Type", "application/json; charset=utf-8");
    send(ctx, 200, body.encode());
  }
}
