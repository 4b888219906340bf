package io.replywatch.ingest.x;

import com.fasterxml.jackson.databind.JsonNode;
import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig.Account;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.config.ReplywatchConfig.PlatformSettings;
import io.replywatch.ingest.ApiPage;
import io.replywatch.ingest.Backlog;
import io.replywatch.ingest.CursorStore;
import io.replywatch.ingest.Ids;
import io.replywatch.ingest.IngestMetrics;
import io.replywatch.ingest.Paging;
import io.replywatch.ingest.PollException;
import io.replywatch.ingest.Poller;
import io.replywatch.ingest.PostLookup;
import io.replywatch.ingest.Reread;
import io.replywatch.ingest.Post;
import io.replywatch.ingest.RejectedStore;
import io.replywatch.ingest.SourceHealth;
import io.replywatch.time.ServiceClock;
import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one brand's X account (social-apis.md §1): mentions timeline and recent search for the brand's keywords,
 * then the brand's own tweets (replies made anywhere, the X app included). Each endpoint keeps a {@code since_id}
 * cursor and follows {@code next_token} back until it is reached; a first start reads back {@code backfill} with
 * {@code start_time}. A read that {@link Paging#MAX_PAGES} stop short of the cursor (a keyword search after a long
 * outage) leaves its unread range in a backlog entry beside the cursor, read by {@code until_id} with what the
 * following cycles' page caps and windows leave over after the new posts, until it is empty. X rate-limits each
 * endpoint on its own, so each is its own budget. An {@link XSweep} re-reads
 * recent mentions without {@code since_id} now and then, because X sometimes leaves mentions out of such queries.
 */
public final class XPoller extends Poller {
  private static final Logger LOG = LoggerFactory.getLogger(XPoller.class);
  static final int PAGE_SIZE = 100;
  /** The rate-limit bucket of the deleted-post check's tweet lookup: X limits each endpoint on its own. */
  private static final String LOOKUP = "tweets-lookup";
  /** Recent search covers the last 7 days; a minute less, so the bound is inside it when X checks. */
  private static final java.time.Duration SEARCH_WINDOW = java.time.Duration.ofDays(7).minusMinutes(1);
  private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
      .withZone(java.time.ZoneOffset.UTC);

  /**
   * What one endpoint gave this cycle: posts oldest first, the cursor-store entries to write once they were handed
   * on, the backlog's before the cursor's (a crash between the two then reads a range twice, never skips it), and
   * whether unread ranges are left.
   */
  private record Read(List<Post> posts, Map<String, String> cursors, boolean backlogLeft) {}

  /** An endpoint not read this cycle: no posts, and its cursor and backlog stay as they were. */
  private static final Read NOTHING = new Read(List.of(), Map.of(), false);

  /**
   * One newest-first walk by next token: posts newest first, the newest id of the first page and the oldest of the
   * last (wire ids), whether it reached its lower bound (X sent no further token), and the requests it made.
   */
  private record Walk(List<Post> newestFirst, Optional<String> newest, Optional<String> oldest, boolean complete,
      int pages) {}

  private XClient client;
  private XSweep sweep;

  public XPoller(Brand brand, Account account, PlatformSettings settings, CursorStore cursors,
      RejectedStore rejected, SourceHealth health, IngestMetrics metrics, ServiceClock clock) {
    super(Platform.X, brand, account, settings, cursors, rejected, health, metrics, clock);
  }

  @Override
  protected void init(WebClient webClient) {
    client = new XClient(webClient, settings.baseUrl(), account.token(), clock);
    sweep = new XSweep(clock.instant());
  }

  /** A tweet of the brand's timeline is a reply candidate, one of the mentions or the search a mention. */
  @Override
  protected Reread reread(String endpoint, JsonNode item) {
    Post tweet = XParser.stored(endpoint, item);
    return endpoint.equals("tweets") ? Reread.brandPost(tweet) : Reread.mention(tweet);
  }

  /**
   * {@code GET /2/tweets?ids=}, 100 ids a request and a check, from its own rate-limit bucket (X limits each
   * endpoint), only while that bucket keeps the check's reserve in hand.
   */
  @Override
  protected Optional<PostLookup> postLookup() {
    return Optional.of(new PostLookup(LOOKUP, XLookup.MAX_IDS, XLookup.MAX_IDS,
        ids -> request(LOOKUP, () -> client.lookup(ids))));
  }

  @Override
  protected boolean keepsBacklog() {
    return true;
  }

  @Override
  protected Optional<Instant> backlogSince() {
    return Stream.of("mentions", "search", "tweets")
        .flatMap(endpoint -> Gap.parse(cursor(endpoint + Backlog.SUFFIX).orElse("")).stream())
        .flatMap(gap -> gap.lowerBound().stream())
        .min(Comparator.naturalOrder());
  }

  /**
   * Mentions, the sweep and the keyword search, then the brand's own tweets. A mention is handed on only by a cycle
   * that read the own tweets to their end: a reply in an unread range of them would come after its mention, which
   * may alert as already overdue (product.md §5). So while the tweets have a backlog, a cycle reads only them; and
   * when a cycle's tweets read leaves one, its mentions and their cursors are dropped, to be read again next cycle.
   */
  @Override
  protected Future<Cycle> cycle(Instant now) {
    Map<String, String> next = new LinkedHashMap<>();
    List<Post> mentions = new ArrayList<>();
    boolean ownFirst = !Gap.parse(cursor("tweets" + Backlog.SUFFIX).orElse("")).isEmpty();
    Future<Read> read = ownFirst ? Future.succeededFuture(NOTHING) : readMentions(now, next, mentions);
    return read.compose(v -> read("tweets", "pagination_token", now, q -> client.tweets(account.id(), q)))
        .map(t -> {
          if (ownFirst || t.backlogLeft()) {
            LOG.info("x mentions for {} wait until the brand's own tweets are read to their end", account.handle());
            return Cycle.ownOnly(t.posts(), t.cursors());
          }
          next.putAll(t.cursors());
          return new Cycle(mentions, t.posts(), next);
        });
  }

  private Future<Read> readMentions(Instant now, Map<String, String> next, List<Post> mentions) {
    return read("mentions", "pagination_token", now, q -> client.mentions(account.id(), q))
        .compose(m -> {
          keep(next, m, mentions);
          return sweep(now);
        })
        .compose(swept -> {
          mentions.addAll(swept);
          return brand.keywords().isEmpty() ? Future.succeededFuture(NOTHING)
              : read("search", "next_token", now, q -> client.search(withQuery(q)))
                  .recover(e -> skipRejected(e, "keyword search").map(NOTHING));
        })
        .map(s -> {
          keep(next, s, mentions);
          return s;
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
    return walk("mentions", "pagination_token", base, Paging.MAX_PAGES, () -> true,
        q -> client.mentions(account.id(), q)).map(w -> oldestFirst(w.newestFirst()));
  }

  private static void keep(Map<String, String> next, Read read, List<Post> into) {
    next.putAll(read.cursors());
    into.addAll(read.posts());
  }

  private Map<String, String> withQuery(Map<String, String> q) {
    Map<String, String> out = new HashMap<>(q);
    out.put("query", XClient.searchQuery(brand.keywords()));
    out.put("sort_order", "recency");
    return out;
  }

  /**
   * New posts first, newest first down to the cursor: {@code since_id} (exclusive) with the stored cursor, else
   * {@code start_time} of the backfill window; then {@code tokenParam} until X sends no {@code next_token}. The new
   * cursor is the newest id of the first page. When {@link Paging#MAX_PAGES} stop that read before the cursor, the
   * range between the cursor and the oldest post read joins the endpoint's backlog; the pages of the cycle's
   * budget that the new posts left over then read the backlog ({@link Backlog#drain}, {@link #readGap}).
   */
  private Future<Read> read(String endpoint, String tokenParam, Instant now,
      Function<Map<String, String>, Future<ApiPage<XParser.Page>>> call) {
    Optional<String> cursor = cursor(endpoint).filter(c -> !c.isBlank());
    String storedBacklog = cursor(endpoint + Backlog.SUFFIX).orElse("");
    List<Gap> backlog = Gap.parse(storedBacklog);
    Future<Read> read = readFrom(endpoint, tokenParam, now, call, cursor, backlog, storedBacklog);
    if (cursor.isEmpty() || !endpoint.equals("search")) {
      return read;
    }
    // Recent search answers 400 to a since_id older than its 7-day window (after a long outage): read the window.
    return read.recover(e -> {
      if (!rejected(e)) {
        return Future.failedFuture(e);
      }
      agedOut("cursor since_id " + cursor.get(), XParser.idTime(cursor.get()), now);
      // The aged-out cursor goes even when the window held nothing to take its place, or every cycle would try it.
      return readFrom(endpoint, tokenParam, now, call, Optional.empty(), backlog, storedBacklog).map(r -> {
        Map<String, String> cursors = new LinkedHashMap<>(r.cursors());
        cursors.putIfAbsent(endpoint, "");
        return new Read(r.posts(), cursors, r.backlogLeft());
      });
    });
  }

  private Future<Read> readFrom(String endpoint, String tokenParam, Instant now,
      Function<Map<String, String>, Future<ApiPage<XParser.Page>>> call, Optional<String> cursor, List<Gap> backlog,
      String storedBacklog) {
    Map<String, String> base = new HashMap<>();
    base.put("max_results", Integer.toString(PAGE_SIZE));
    String lower;
    if (cursor.isPresent()) {
      lower = cursor.get();
      base.put("since_id", lower);
    } else {
      Instant from = now.minus(settings.backfill());
      if (endpoint.equals("search") && from.isBefore(now.minus(SEARCH_WINDOW))) {
        from = now.minus(SEARCH_WINDOW);
      }
      lower = START_TIME.format(from.truncatedTo(ChronoUnit.SECONDS));
      base.put("start_time", lower);
    }
    return walk(endpoint, tokenParam, base, Paging.MAX_PAGES, () -> true, call).compose(head -> {
      List<Gap> gaps = new ArrayList<>();
      if (!head.complete() && head.oldest().isPresent()) {
        gaps.add(new Gap(lower, head.oldest().get()));
        LOG.info("x {} for {} stopped after {} pages ({} posts): the older posts back to {} are read as backlog "
            + "from the next cycle on", endpoint, account.handle(), head.pages(), head.newestFirst().size(), lower);
      }
      return Backlog.drain(backlog, Paging.MAX_PAGES - head.pages(), () -> spare(endpoint, Backlog.RESERVE),
          (Gap gap, int pages) -> readGap(endpoint, tokenParam, now, call, gap, pages)).map(d -> {
            gaps.addAll(d.left());
            List<Post> newestFirst = new ArrayList<>(head.newestFirst());
            newestFirst.addAll(d.newestFirst());
            String left = Gap.format(gaps);
            if (!left.equals(storedBacklog) && (!backlog.isEmpty() || !d.newestFirst().isEmpty())) {
              LOG.info("x {} backlog for {}: {} posts read this cycle, {}", endpoint, account.handle(),
                  d.newestFirst().size(), gaps.isEmpty() ? "none left" : "left: " + left);
            }
            return new Read(oldestFirst(newestFirst),
                Backlog.writes(endpoint, storedBacklog, left, head.newest().or(() -> cursor)), !gaps.isEmpty());
          });
    });
  }

  /**
   * One range of the backlog, newest first with {@code since_id} (or {@code start_time}) and {@code until_id},
   * following the token: read to its end it is gone, stopped early it shrinks to what lies below the oldest post
   * read.
   */
  private Future<Backlog.Step<Gap, Post>> readGap(String endpoint, String tokenParam, Instant now,
      Function<Map<String, String>, Future<ApiPage<XParser.Page>>> call, Gap gap, int pages) {
    if (!gap.timeBound() && Ids.ORDER.compare(gap.since(), gap.until()) >= 0) {
      return Future.succeededFuture(new Backlog.Step<>(List.of(), Optional.empty(), 0)); // empty: nothing between
    }
    Gap from = endpoint.equals("search") ? withinSearchWindow(gap, now) : gap;
    Future<Map.Entry<Gap, Walk>> read = walkGap(endpoint, tokenParam, from, pages, call).map(w -> {
      if (!from.equals(gap)) {
        agedOut("range " + gap, gap.lowerBound(), now); // its start lies before the window
      }
      return Map.entry(from, w);
    });
    if (endpoint.equals("search")) {
      // The range's since_id aged out of search's 7 days: read what of it the window still holds. Refused even so
      // (its until_id aged out too), nothing of it can be read any more.
      read = read.recover(e -> {
        if (!rejected(e)) {
          return Future.failedFuture(e);
        }
        if (from.timeBound()) {
          return outOfReach(gap, from);
        }
        Gap window = new Gap(START_TIME.format(now.minus(SEARCH_WINDOW).truncatedTo(ChronoUnit.SECONDS)), gap.until());
        return walkGap(endpoint, tokenParam, window, pages, call)
            .map(w -> {
              agedOut("range " + gap, gap.lowerBound(), now);
              return Map.entry(window, w);
            })
            .recover(again -> rejected(again) ? outOfReach(gap, window) : Future.failedFuture(again));
      });
    }
    return read.map(r -> {
      Walk w = r.getValue();
      Optional<Gap> left = w.complete() ? Optional.empty()
          : Optional.of(w.oldest().map(o -> new Gap(r.getKey().since(), o)).orElse(gap));
      return new Backlog.Step<>(w.newestFirst(), left, w.pages());
    });
  }

  /** A search range X refuses even within its window: nothing of it can be read any more; say so and drop it. */
  private Future<Map.Entry<Gap, Walk>> outOfReach(Gap gap, Gap tried) {
    gaveUp("search", "x search range " + gap + " (back to " + gap.lowerBound().map(Instant::toString).orElse("?")
        + ") is beyond the 7-day search window");
    return Future.succeededFuture(Map.entry(tried, new Walk(List.of(), Optional.empty(), Optional.empty(), true, 1)));
  }

  private Future<Walk> walkGap(String endpoint, String tokenParam, Gap gap, int pages,
      Function<Map<String, String>, Future<ApiPage<XParser.Page>>> call) {
    Map<String, String> base = new HashMap<>();
    base.put("max_results", Integer.toString(PAGE_SIZE));
    base.put(gap.timeBound() ? "start_time" : "since_id", gap.since());
    base.put("until_id", gap.until());
    return walk(endpoint, tokenParam, base, pages, () -> spare(endpoint, Backlog.RESERVE), call);
  }

  /** A search range bounded by time starts no earlier than the window X still searches. */
  private static Gap withinSearchWindow(Gap gap, Instant now) {
    if (!gap.timeBound()) {
      return gap;
    }
    Instant window = now.minus(SEARCH_WINDOW).truncatedTo(ChronoUnit.SECONDS);
    try {
      return Instant.parse(gap.since()).isBefore(window) ? new Gap(START_TIME.format(window), gap.until()) : gap;
    } catch (java.time.format.DateTimeParseException e) {
      return new Gap(START_TIME.format(window), gap.until());
    }
  }

  /** What of a search range or cursor lies before recent search's 7 days is out of reach: say so and count it. */
  private void agedOut(String what, Optional<Instant> since, Instant now) {
    gaveUp("search", "x search " + what + " (back to " + since.map(Instant::toString).orElse("?") + "): its posts before "
        + now.minus(SEARCH_WINDOW).truncatedTo(ChronoUnit.SECONDS) + " are beyond the 7-day search window");
  }

  private static boolean rejected(Throwable e) {
    return e instanceof PollException p && p.kind() == PollException.Kind.REJECTED;
  }

  /**
   * Newest first from {@code base} by {@code tokenParam}, at most {@code maxPages} requests, each only when
   * {@code mayAsk} (else the walk stops there, incomplete); complete when X sends no further token.
   */
  private Future<Walk> walk(String endpoint, String tokenParam, Map<String, String> base, int maxPages,
      BooleanSupplier mayAsk, Function<Map<String, String>, Future<ApiPage<XParser.Page>>> call) {
    return walk(endpoint, tokenParam, base, maxPages, mayAsk, call, null,
        new Walk(new ArrayList<>(), Optional.empty(), Optional.empty(), false, 0));
  }

  private Future<Walk> walk(String endpoint, String tokenParam, Map<String, String> base, int maxPages,
      BooleanSupplier mayAsk, Function<Map<String, String>, Future<ApiPage<XParser.Page>>> call, String token,
      Walk sofar) {
    if (sofar.pages() >= maxPages || !mayAsk.getAsBoolean()) {
      return Future.succeededFuture(sofar);
    }
    Map<String, String> query = new HashMap<>(base);
    if (token != null) {
      query.put(tokenParam, token);
    }
    return request(endpoint, () -> call.apply(query)).compose(page -> {
      setAside(endpoint, page.rejected());
      List<Post> newestFirst = sofar.newestFirst();
      newestFirst.addAll(page.posts());
      boolean more = page.nextToken().isPresent() && page.hasTweets();
      Walk w = new Walk(newestFirst, sofar.pages() == 0 ? page.newestId() : sofar.newest(),
          page.oldestId().or(sofar::oldest), !more, sofar.pages() + 1);
      return more ? walk(endpoint, tokenParam, base, maxPages, mayAsk, call, page.nextToken().get(), w)
          : Future.succeededFuture(w);
    });
  }

  private static List<Post> oldestFirst(List<Post> newestFirst) {
    List<Post> out = new ArrayList<>(newestFirst);
    Collections.reverse(out);
    return out;
  }
}
