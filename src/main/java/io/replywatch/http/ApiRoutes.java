package io.replywatch.http;

import io.replywatch.bus.Addresses;
import io.replywatch.config.Platform;
import io.replywatch.store.ApiQueries;
import io.replywatch.store.ApiQueries.MentionFilter;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code /api/v1} (product.md §3): mentions by state, SLA figures, closing an episode by hand, the alert outbox by
 * state (failed deliveries are kept for inspection), and the items the pollers set aside as unreadable. Every
 * parameter is validated: a bad one is a 400 with a JSON {@code error} naming it, never a 500.
 */
final class ApiRoutes {
  private static final Set<String> STATES = Set.of("waiting", "answered", "all");
  private static final Set<String> NOTIFICATION_STATES = Set.of("failed", "pending", "sending", "sent", "all");
  private static final List<String> MENTION_PARAMS = List.of("state", "brand", "platform", "limit");
  private static final List<String> SLA_PARAMS = List.of("brand", "platform");
  private static final List<String> NOTIFICATION_PARAMS = List.of("state", "limit");
  private static final List<String> REJECTED_PARAMS = List.of("platform", "limit");
  private static final Pattern BRAND = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
  private static final Pattern EPISODE = Pattern.compile("[a-z]+-[A-Za-z0-9._:~/@-]{1,300}");
  private static final int MAX_REASON = 500;
  private static final int BODY_LIMIT = 16 * 1024;
  private static final String CLOSE_PREFIX = "/api/v1/episodes/";
  private static final String CLOSE_SUFFIX = "/close";

  private final Vertx vertx;
  private final ApiQueries queries;

  ApiRoutes(Vertx vertx, ApiQueries queries) {
    this.vertx = vertx;
    this.queries = queries;
  }

  void mount(Router router) {
    router.get("/api/v1/mentions").handler(this::mentions);
    router.get("/api/v1/sla").handler(this::sla);
    router.get("/api/v1/notifications").handler(this::notifications);
    router.get("/api/v1/rejected").handler(this::rejected);
    // No file uploads: BodyHandler.create() would make a "file-uploads" directory wherever the service was started.
    // The id by a pattern, not ":id": Bluesky's (an at:// URI) has slashes, and must work without percent-encoding.
    router.postWithRegex(Pattern.quote(CLOSE_PREFIX) + ".+" + Pattern.quote(CLOSE_SUFFIX))
        .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT)).handler(this::close);
    // A wrong path or method on the API gets a JSON error like every other mistake, not Vert.x's HTML page.
    router.errorHandler(404, ctx -> json(ctx, 404, new JsonObject().put("error",
        "no such endpoint: " + ctx.request().method() + " " + ctx.request().path())));
    router.errorHandler(405, ctx -> json(ctx, 405, new JsonObject().put("error",
        ctx.request().method() + " is not allowed on " + ctx.request().path())));
    // The failures Vert.x raises itself (an undecodable path, a body over the limit, an exception in a handler)
    // were plain-text pages; a client reading .error got nothing.
    router.errorHandler(400, ctx -> bad(ctx, "bad request: the path or query could not be decoded"));
    router.errorHandler(413, ctx -> json(ctx, 413, new JsonObject().put("error",
        "request body over " + BODY_LIMIT / 1024 + " KiB")));
    router.errorHandler(500, ctx -> json(ctx, 500, new JsonObject().put("error",
        "internal error: " + (ctx.failure() == null ? "unknown" : ctx.failure().getClass().getSimpleName())
        + "; see the service log")));
  }

  private void mentions(RoutingContext ctx) {
    if (unknownParameter(ctx, MENTION_PARAMS)) {
      return;
    }
    String state = param(ctx, "state", "waiting");
    if (!STATES.contains(state)) {
      bad(ctx, "state must be one of waiting, answered, all");
      return;
    }
    Integer limit = limit(ctx);
    if (limit == null) {
      return;
    }
    String brand = brand(ctx);
    String platform = platform(ctx);
    if (brand != null && platform != null) {
      blocking(ctx, () -> queries.mentions(new MentionFilter(state, blankToNull(brand), blankToNull(platform), limit)));
    }
  }

  private void notifications(RoutingContext ctx) {
    if (unknownParameter(ctx, NOTIFICATION_PARAMS)) {
      return;
    }
    String state = param(ctx, "state", "failed");
    if (!NOTIFICATION_STATES.contains(state)) {
      bad(ctx, "state must be one of failed, pending, sending, sent, all");
      return;
    }
    Integer limit = limit(ctx);
    if (limit != null) {
      blocking(ctx, () -> queries.notifications(state, limit));
    }
  }

  private void rejected(RoutingContext ctx) {
    if (unknownParameter(ctx, REJECTED_PARAMS)) {
      return;
    }
    Integer limit = limit(ctx);
    String platform = limit == null ? null : platform(ctx);
    if (platform != null) {
      blocking(ctx, () -> queries.rejected(blankToNull(platform), limit));
    }
  }

  /** The {@code limit} parameter (default 100, 1 to 1000), or null after answering 400. */
  private Integer limit(RoutingContext ctx) {
    try {
      int limit = Integer.parseInt(param(ctx, "limit", "100"));
      if (limit >= 1 && limit <= 1000) {
        return limit;
      }
    } catch (NumberFormatException ignored) {
      // answered below
    }
    bad(ctx, "limit must be a whole number from 1 to 1000");
    return null;
  }

  private void sla(RoutingContext ctx) {
    if (unknownParameter(ctx, SLA_PARAMS)) {
      return;
    }
    String brand = brand(ctx);
    String platform = platform(ctx);
    if (brand != null && platform != null) {
      blocking(ctx, () -> queries.sla(blankToNull(brand), blankToNull(platform)));
    }
  }

  private void close(RoutingContext ctx) {
    String id = episodeId(ctx.request().path());
    if (!EPISODE.matcher(id).matches()) {
      bad(ctx, "episode id must look like <platform>-<post id>");
      return;
    }
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      bad(ctx, "body must be a JSON object like {\"reason\": \"answered by phone\"}");
      return;
    }
    Object reason = body == null ? null : body.getValue("reason");
    if (!(reason instanceof String r) || r.isBlank() || r.length() > MAX_REASON) {
      bad(ctx, "reason must be a non-empty string of at most " + MAX_REASON + " characters");
      return;
    }
    String clean = r.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    vertx.eventBus().<JsonObject>request(Addresses.CLOSE_EPISODE, new JsonObject().put("id", id).put("reason", clean))
        .onSuccess(reply -> json(ctx, 200, reply.body()))
        .onFailure(e -> {
          boolean missing = e instanceof ReplyException re && re.failureCode() == 404;
          json(ctx, missing ? 404 : 500, new JsonObject().put("error", missing
              ? "no open episode with id " + id : "could not close the episode: " + e.getMessage()));
        });
  }

  /**
   * Whether the query has a parameter the endpoint does not take, after answering 400: a typo such as
   * {@code ?stat=answered} would otherwise quietly return the default (waiting) list.
   */
  private static boolean unknownParameter(RoutingContext ctx, List<String> known) {
    for (String name : ctx.queryParams().names()) {
      if (!known.contains(name)) {
        bad(ctx, "unknown parameter '" + name + "': " + ctx.request().path() + " takes " + String.join(", ", known));
        return true;
      }
    }
    return false;
  }

  /** "" for absent, null after answering 400. */
  private String brand(RoutingContext ctx) {
    String brand = param(ctx, "brand", "");
    if (!brand.isEmpty() && !BRAND.matcher(brand).matches()) {
      bad(ctx, "brand must be a brand id (lower-case letters, digits, '-', '_')");
      return null;
    }
    return brand;
  }

  private String platform(RoutingContext ctx) {
    String platform = param(ctx, "platform", "");
    if (!platform.isEmpty() && Platform.parse(platform).isEmpty()) {
      bad(ctx, "platform must be one of x, mastodon, bluesky, reddit");
      return null;
    }
    return platform;
  }

  private void blocking(RoutingContext ctx, Callable<JsonObject> query) {
    vertx.executeBlocking(query, false)
        .onSuccess(result -> json(ctx, 200, result))
        .onFailure(e -> json(ctx, 500, new JsonObject().put("error", "store unavailable: " + e.getMessage())));
  }

  private static String param(RoutingContext ctx, String name, String fallback) {
    String v = ctx.request().getParam(name);
    return v == null ? fallback : v.trim();
  }

  private static String blankToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  private static void bad(RoutingContext ctx, String message) {
    json(ctx, 400, new JsonObject().put("error", message));
  }

  /**
   * The episode id of a close request, from the raw path: the routed one is normalised, which turns the "//" of a
   * Bluesky at:// URI into "/". Percent-encoded ids work too ('+' stays '+').
   */
  static String episodeId(String rawPath) {
    String id = rawPath.substring(CLOSE_PREFIX.length(), rawPath.length() - CLOSE_SUFFIX.length());
    try {
      return URLDecoder.decode(id.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return id; // a stray '%': the id check that follows rejects it
    }
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encodePrettily());
  }
}
