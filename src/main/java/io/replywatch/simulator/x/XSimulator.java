package io.replywatch.simulator.x;

import io.replywatch.ingest.Ids;
import io.replywatch.simulator.Fault;
import io.replywatch.simulator.RateWindow;
import io.replywatch.simulator.SimPost;
import io.replywatch.simulator.SimulatorBase;
import io.replywatch.simulator.Timeline;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * X API v2 on a loopback port serving a scripted {@link Timeline} (social-apis.md §1, §7.1): mentions timeline,
 * recent search and user timeline, newest first, {@code since_id}/{@code until_id} (exclusive, numeric order),
 * {@code max_results} bounds, {@code pagination_token}/{@code next_token}, {@code start_time}; lower-case
 * {@code x-rate-limit-*} headers with an epoch-seconds reset and a window per endpoint; problem+json errors.
 * Customer posts are mentions unless marked search-only; search matches the query's terms in the text. An
 * {@link #edit} is served as X serves one: a new id, {@code edit_history_tweet_ids} from the original to it, and
 * only the latest version in timelines and search. A post served malformed ({@link #malformItem}) is a tweet
 * without its {@code id}; {@code meta.newest_id} and {@code oldest_id} still count it, as X computes them apart
 * from the tweet objects it renders.
 */
public final class XSimulator extends SimulatorBase {
  public static final Duration WINDOW = Duration.ofMinutes(15);
  private static final Duration SEARCH_WINDOW = Duration.ofDays(7);
  private static final String PROBLEM = "application/problem+json";

  private final Timeline timeline;
  private final String brandUserId;
  private final String brandHandle;
  private final String token;
  private final int windowLimit;
  private final Set<String> searchOnly = ConcurrentHashMap.newKeySet();
  private final Set<String> flaky = ConcurrentHashMap.newKeySet();
  private final Set<String> hidden = ConcurrentHashMap.newKeySet();
  private final Map<String, RateWindow> windows = new ConcurrentHashMap<>();
  /** An edit's id → the id of the version it replaced. */
  private final Map<String, String> editOf = new ConcurrentHashMap<>();
  /** The app's 24-hour cap over every endpoint, when one is set (X sends it on some endpoints and tiers). */
  private volatile RateWindow appDay;

  public XSimulator(Timeline timeline, Clock clock, String brandUserId, String brandHandle, String token,
      int windowLimit) {
    super(clock);
    this.timeline = timeline;
    this.brandUserId = brandUserId;
    this.brandHandle = brandHandle;
    this.token = token;
    this.windowLimit = windowLimit;
  }

  /** The post is found only by keyword search (it does not @-mention the brand). */
  public void searchOnly(String postId) {
    searchOnly.add(postId);
  }

  /** Caps the app at {@code limit} requests a day over all endpoints, with {@code x-app-limit-24hour-*} headers. */
  public void appDailyLimit(int limit) {
    appDay = new RateWindow(limit, Duration.ofHours(24));
  }

  /**
   * The author edits post {@code postId} (an original or an edit) at {@code at}: a new tweet with a new id and the
   * new text, same author and reply target; from {@code at} on it replaces the earlier versions. Returns its id.
   */
  public String edit(String postId, Instant at, String text) {
    SimPost p = timeline.all().stream().filter(q -> q.id().equals(postId)).findFirst().orElseThrow();
    String id = timeline.add(at, p.authorId(), p.authorHandle(), text, p.brand(), p.inReplyTo().orElse(null),
        p.language());
    editOf.put(id, postId);
    if (searchOnly.contains(postId)) {
      searchOnly.add(id);
    }
    return id;
  }

  /** X's known flake (IEKit#307): the mention is left out of every answer to a query with {@code since_id}. */
  public void missFromSinceIdQueries(String postId) {
    flaky.add(postId);
  }

  @Override
  protected void routes(Router router) {
    router.get("/2/users/:id/mentions").handler(ctx -> timeline(ctx, "mentions",
        p -> !p.brand() && !searchOnly.contains(p.id()), 5));
    router.get("/2/users/:id/tweets").handler(ctx -> timeline(ctx, "tweets", SimPost::brand, 5));
    router.get("/2/tweets/search/recent").handler(this::search);
    router.get("/2/tweets").handler(this::lookup);
  }

  /**
   * The author made {@code postId} protected: the lookup answers an "Authorization Error" for it from now on (the
   * tweet exists, the brand may not see it). Thread-safe.
   */
  public void protect(String postId) {
    hidden.add(postId);
  }

  /**
   * {@code GET /2/tweets?ids=a,b}: 1 to 100 ids (400 otherwise), answered with {@code data} and {@code errors} as
   * {@link XJson#lookup} writes them, from its own rate-limit window.
   */
  private void lookup(RoutingContext ctx) {
    Instant now = clock.instant();
    RateWindow window = windows.computeIfAbsent("lookup", e -> new RateWindow(windowLimit, WINDOW));
    if (!admit(ctx, window, now, true)) {
      return;
    }
    List<String> ids = List.of(ctx.request().getParam("ids", "").split(","));
    if (ids.size() > 100 || ids.stream().anyMatch(id -> !id.matches("\\d{1,19}"))) {
      send(ctx, 400, PROBLEM, XJson.problem("Invalid Request", "One or more parameters to your request was invalid.",
          "https://api.twitter.com/2/problems/invalid-request", 400).encode());
      return;
    }
    Map<String, SimPost> byId = new HashMap<>();
    timeline.visible(clock).forEach(p -> byId.put(p.id(), p));
    rateHeaders(ctx, window, now);
    send(ctx, 200, "application/json; charset=utf-8",
        XJson.lookup(ids, byId, this::deleted, hidden::contains).encode());
  }

  private void timeline(RoutingContext ctx, String endpoint, Predicate<SimPost> which, int minResults) {
    if (!ctx.pathParam("id").equals(brandUserId)) {
      send(ctx, 404, PROBLEM, XJson.problem("Not Found Error", "Could not find user", "about:blank", 404).encode());
      return;
    }
    serve(ctx, endpoint, which, minResults, "pagination_token");
  }

  private void search(RoutingContext ctx) {
    String query = ctx.request().getParam("query", "");
    List<String> terms = new ArrayList<>();
    for (String t : query.replaceAll("[()]", " ").split("\\s+OR\\s+|\\s+")) {
      String term = t.replace("\"", "").trim().toLowerCase(Locale.ROOT);
      if (!term.isEmpty() && !term.startsWith("-") && !term.equals("or")) {
        terms.add(term);
      }
    }
    Predicate<SimPost> matches = p -> !p.brand()
        && terms.stream().anyMatch(t -> p.text().toLowerCase(Locale.ROOT).contains(t));
    String tokenParam = ctx.request().getParam("next_token") != null ? "next_token" : "pagination_token";
    if (searchRefused() || !withinSearchWindow(ctx)) {
      send(ctx, 400, PROBLEM, XJson.problem("Invalid Request", "One or more parameters to your request was invalid.",
          "https://api.twitter.com/2/problems/invalid-request", 400).encode());
      return;
    }
    serve(ctx, "search", matches, 10, tokenParam);
  }

  /** Recent search refuses a {@code since_id} or {@code start_time} older than seven days. */
  private boolean withinSearchWindow(RoutingContext ctx) {
    Instant oldest = clock.instant().minus(SEARCH_WINDOW);
    String since = ctx.request().getParam("since_id");
    String start = ctx.request().getParam("start_time");
    boolean staleSince = since != null && timeline.all().stream()
        .anyMatch(p -> p.id().equals(since) && p.createdAt().isBefore(oldest));
    return !staleSince && (start == null || !Instant.parse(start).isBefore(oldest));
  }

  private void serve(RoutingContext ctx, String endpoint, Predicate<SimPost> which, int minResults, String tokenParam) {
    Instant now = clock.instant();
    RateWindow window = windows.computeIfAbsent(endpoint, e -> new RateWindow(windowLimit, WINDOW));
    if (!admit(ctx, window, now)) {
      return;
    }
    MultiMap q = ctx.request().params();
    int max;
    try {
      max = q.get("max_results") == null ? 10 : Integer.parseInt(q.get("max_results"));
    } catch (NumberFormatException e) {
      max = -1;
    }
    if (max < minResults || max > 100) {
      send(ctx, 400, PROBLEM, XJson.problem("Invalid Request", "One or more parameters to your request was invalid.",
          "https://api.twitter.com/2/problems/invalid-request", 400).encode());
      return;
    }
    String since = q.get("since_id");
    String until = q.get("until_id");
    String fromToken = q.get(tokenParam) == null ? null : decode(q.get(tokenParam));
    Instant start = q.get("start_time") == null ? Instant.MIN : Instant.parse(q.get("start_time"));
    List<SimPost> all = timeline.visible(clock);
    Map<String, SimPost> byId = new HashMap<>();
    all.forEach(p -> byId.put(p.id(), p));
    Set<String> superseded = new java.util.HashSet<>();
    all.forEach(p -> superseded.add(editOf.get(p.id())));
    List<SimPost> range = all.stream().filter(which).filter(p -> !superseded.contains(p.id()))
        .filter(p -> since == null || Ids.ORDER.compare(p.id(), since) > 0 && !flaky.contains(p.id()))
        .filter(p -> until == null || Ids.ORDER.compare(p.id(), until) < 0)
        .filter(p -> fromToken == null || Ids.ORDER.compare(p.id(), fromToken) < 0)
        .filter(p -> !p.createdAt().isBefore(start))
        .toList();
    List<SimPost> page = new ArrayList<>(range.subList(Math.max(0, range.size() - max), range.size()));
    Collections.reverse(page);
    String next = range.size() > page.size() ? encode(page.get(page.size() - 1).id()) : null;
    Map<String, String> conversations = new HashMap<>();
    Map<String, List<String>> histories = new HashMap<>();
    for (SimPost p : page) {
      // An edit stays in its original's conversation.
      conversations.put(p.id(), root(byId.getOrDefault(history(p.id()).get(0), p), byId).id());
      p.inReplyTo().ifPresent(r -> histories.put(r, history(r)));
      histories.put(p.id(), history(p.id()));
    }
    boolean expand = q.getAll("expansions").stream()
        .anyMatch(e -> List.of(e.split(",")).contains("referenced_tweets.id"));
    rateHeaders(ctx, window, now);
    JsonObject body = XJson.page(page, next, byId, conversations, brandHandle, searchOnly,
        histories, expand);
    for (int i = 0; i < page.size(); i++) {
      if (malformed(page.get(i))) {
        body.getJsonArray("data").getJsonObject(i).remove("id");
      }
    }
    send(ctx, 200, "application/json; charset=utf-8", body.encode());
  }

  /** {@code edit_history_tweet_ids} of version {@code id}: the original first, {@code id} last. */
  private List<String> history(String id) {
    List<String> chain = new ArrayList<>();
    for (String at = id; at != null && chain.size() < 100; at = editOf.get(at)) {
      chain.add(0, at);
    }
    return chain;
  }

  /** Auth, injected faults and the endpoint's window; answers the request itself when it must not go on. */
  private boolean admit(RoutingContext ctx, RateWindow window, Instant now) {
    return admit(ctx, window, now, false);
  }

  private boolean admit(RoutingContext ctx, RateWindow window, Instant now, boolean lookup) {
    String auth = ctx.request().getHeader("Authorization");
    if (auth == null || !auth.equals("Bearer " + token)) {
      unauthorized(ctx);
      return false;
    }
    Fault fault = nextFault(lookup);
    if (fault != null) {
      switch (fault.kind()) {
        case RATE_LIMIT -> {
          window.block(now, now.plus(fault.retryAfter()));
          tooMany(ctx, window, now);
        }
        case HTML_503 -> send(ctx, 503, "text/html", "<html><body><h1>Over capacity</h1></body></html>");
        case SERVER_ERROR -> send(ctx, 503, "application/json; charset=utf-8", XJson.problem("Service Unavailable",
            "Service Unavailable", "about:blank", 503).encode());
        case MALFORMED -> send(ctx, 200, "application/json; charset=utf-8", "{\"data\":[{\"id\":\"9\",\"text\":");
        case UNAUTHORIZED -> unauthorized(ctx);
      }
      return false;
    }
    RateWindow day = appDay;
    if (!window.admit(now) || day != null && !day.admit(now)) {
      tooMany(ctx, window, now);
      return false;
    }
    return true;
  }

  private void tooMany(RoutingContext ctx, RateWindow window, Instant now) {
    rateHeaders(ctx, window, now);
    send(ctx, 429, PROBLEM, XJson.problem("Too Many Requests", "Too Many Requests", "about:blank", 429).encode());
  }

  private void unauthorized(RoutingContext ctx) {
    send(ctx, 401, PROBLEM, XJson.problem("Unauthorized", "Unauthorized", "about:blank", 401).encode());
  }

  private void rateHeaders(RoutingContext ctx, RateWindow window, Instant now) {
    windowHeaders(ctx, "x-rate-limit-", window, now);
    RateWindow day = appDay;
    if (day != null) {
      windowHeaders(ctx, "x-app-limit-24hour-", day, now);
    }
  }

  private static void windowHeaders(RoutingContext ctx, String prefix, RateWindow window, Instant now) {
    Instant reset = window.reset(now);
    long resetSeconds = reset.getEpochSecond() + (reset.getNano() > 0 ? 1 : 0);
    ctx.response()
        .putHeader(prefix + "limit", Integer.toString(window.limit()))
        .putHeader(prefix + "remaining", Integer.toString(window.remaining(now)))
        .putHeader(prefix + "reset", Long.toString(resetSeconds));
  }

  static String encode(String id) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("until:" + id).getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      return s.startsWith("until:") ? s.substring(6) : "0";
    } catch (IllegalArgumentException e) {
      return "0";
    }
  }
}
