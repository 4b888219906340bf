package io.replywatch.ingest.x;

import io.replywatch.config.ReplywatchConfig.Account;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.config.ReplywatchConfig.PlatformSettings;
import io.replywatch.ingest.ApiPage;
import io.replywatch.ingest.CursorStore;
import io.replywatch.ingest.Paging;
import io.replywatch.ingest.Platform;
import io.replywatch.ingest.PollException;
import io.replywatch.ingest.Poller;
import io.replywatch.ingest.Post;
import io.replywatch.ingest.SourceHealth;
import io.replywatch.metrics.ServiceMetrics;
import io.replywatch.time.ServiceClock;
import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one brand's X account (social-apis.md §1): mentions timeline and recent search for the brand's keywords,
 * then the brand's own tweets (replies made anywhere, the X app included). Each endpoint keeps a {@code since_id}
 * cursor and follows {@code next_token} back until it is reached; a first start reads back {@code backfill} with
 * {@code start_time}. X rate-limits each endpoint on its own, so each is its own budget. An {@link XSweep} re-reads
 * recent mentions without {@code since_id} now and then, because X sometimes leaves mentions out of such queries.
 */
public final class XPoller extends Poller {
  private static final Logger LOG = LoggerFactory.getLogger(XPoller.class);
  static final int PAGE_SIZE = 100;
  /** Recent search covers the last 7 days; a minute less, so the bound is inside it when X checks. */
  private static final java.time.Duration SEARCH_WINDOW = java.time.Duration.ofDays(7).minusMinutes(1);
  private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
      .withZone(java.time.ZoneOffset.UTC);

  /** What one endpoint gave this cycle: posts oldest first and the cursor to store, if any. */
  private record Read(List<Post> posts, Optional<String> cursor) {}

  /** An endpoint not read this cycle: no posts, and its cursor stays as it was. */
  private static final Read NOTHING = new Read(List.of(), Optional.empty());

  private XClient client;
  private XSweep sweep;

  public XPoller(Brand brand, Account account, PlatformSettings settings, CursorStore cursors, SourceHealth health,
      ServiceMetrics metrics, ServiceClock clock) {
    super(Platform.X, brand, account, settings, cursors, health, metrics, clock);
  }

  @Override
  protected void init(WebClient webClient) {
    client = new XClient(webClient, settings.baseUrl(), account.token(), clock);
    sweep = new XSweep(clock.instant());
  }

  @Override
  protected Future<Cycle> cycle(Instant now) {
    Map<String, String> next = new HashMap<>();
    List<Post> mentions = new ArrayList<>();
    return read("mentions", "pagination_token", now, q -> client.mentions(account.id(), q))
        .compose(m -> {
          keep(next, "mentions", m, mentions);
          return sweep(now);
        })
        .compose(swept -> {
          mentions.addAll(swept);
          return brand.keywords().isEmpty() ? Future.succeededFuture(NOTHING)
              : read("search", "next_token", now, q -> client.search(withQuery(q)))
                  .recover(e -> skipRejected(e, "keyword search").map(NOTHING));
        })
        .compose(s -> {
          keep(next, "search", s, mentions);
          return read("tweets", "pagination_token", now, q -> client.tweets(account.id(), q));
        })
        .map(t -> {
          next.putAll(t.cursor().map(c -> Map.of("tweets", c)).orElse(Map.of()));
          return new Cycle(mentions, t.posts(), next);
        });
  }

  /** The mentions timeline again by {@code start_time} alone, when a sweep is due; otherwise nothing. */
  private Future<List<Post>> sweep(Instant now) {
    Optional<Instant> from = sweep.due(now);
    if (from.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Map<String, String> base = Map.of("max_results", Integer.toString(PAGE_SIZE),
        "start_time", START_TIME.format(from.get().truncatedTo(ChronoUnit.SECONDS)));
    return page("mentions", "pagination_token", base, null, q -> client.mentions(account.id(), q),
        new ArrayList<>(), null, 0).map(Read::posts);
  }

  private static void keep(Map<String, String> next, String endpoint, Read read, List<Post> into) {
    read.cursor().ifPresent(c -> next.put(endpoint, c));
    into.addAll(read.posts());
  }

  private Map<String, String> withQuery(Map<String, String> q) {
    Map<String, String> out = new HashMap<>(q);
    out.put("query", XClient.searchQuery(brand.keywords()));
    out.put("sort_order", "recency");
    return out;
  }

  /**
   * Newest first down to the cursor: {@code since_id} (exclusive) with the stored cursor, else {@code start_time}
   * of the backfill window; then {@code tokenParam} until X sends no {@code next_token}. The new cursor is the
   * newest id of the first page.
   */
  private Future<Read> read(String endpoint, String tokenParam, Instant now,
      Function<Map<String, String>, Future<ApiPage<XParser.Page>>> call) {
    Optional<String> cursor = cursor(endpoint);
    Future<Read> read = readFrom(endpoint, tokenParam, now, call, cursor);
    if (cursor.isEmpty() || !endpoint.equals("search")) {
      return read;
    }
    // Recent search answers 400 to a since_id older than its 7-day window (after a long outage): read the window.
    return read.recover(e -> e instanceof PollException p && p.kind() == PollException.Kind.REJECTED
        ? readFrom(endpoint, tokenParam, now, call, Optional.empty()) : Future.failedFuture(e));
  }

  private Future<Read> readFrom(String endpoint, String tokenParam, Instant now,
      Function<Map<String, String>, Future<ApiPage<XParser.Page>>> call, Optional<String> cursor) {
    Map<String, String> base = new HashMap<>();
    base.put("max_results", Integer.toString(PAGE_SIZE));
    if (cursor.isPresent()) {
      base.put("since_id", cursor.get());
    } else {
      Instant from = now.minus(settings.backfill());
      if (endpoint.equals("search") && from.isBefore(now.minus(SEARCH_WINDOW))) {
        from = now.minus(SEARCH_WINDOW);
      }
      base.put("start_time", START_TIME.format(from.truncatedTo(ChronoUnit.SECONDS)));
    }
    return page(endpoint, tokenParam, base, null, call, new ArrayList<>(), null, 0)
        .map(r -> new Read(r.posts(), r.cursor().or(() -> cursor)));
  }

  private Future<Read> page(String endpoint, String tokenParam, Map<String, String> base, String token,
      Function<Map<String, String>, Future<ApiPage<XParser.Page>>> call, List<Post> newestFirst,
      String newest, int pages) {
    Map<String, String> query = new HashMap<>(base);
    if (token != null) {
      query.put(tokenParam, token);
    }
    return request(endpoint, () -> call.apply(query)).compose(page -> {
      newestFirst.addAll(page.posts());
      String top = pages == 0 ? page.newestId().orElse(null) : newest;
      if (page.nextToken().isPresent() && !page.posts().isEmpty()) {
        if (pages + 1 < Paging.MAX_PAGES) {
          return page(endpoint, tokenParam, base, page.nextToken().get(), call, newestFirst, top, pages + 1);
        }
        // The cursor still moves to the newest post, so what lies between it and the oldest read is not read.
        // Say so: a keyword search after a long outage is the one read that can be this long.
        LOG.warn("x {} for {} stopped after {} pages ({} posts): older posts back to the last cycle are skipped",
            endpoint, account.handle(), Paging.MAX_PAGES, newestFirst.size());
      }
      List<Post> oldestFirst = new ArrayList<>(newestFirst);
      Collections.reverse(oldestFirst);
      return Future.succeededFuture(new Read(oldestFirst, Optional.ofNullable(top)));
    });
  }
}
