package io.replywatch.ingest.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig.Account;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.config.ReplywatchConfig.PlatformSettings;
import io.replywatch.ingest.ApiPage;
import io.replywatch.ingest.CursorStore;
import io.replywatch.ingest.Ids;
import io.replywatch.ingest.IngestMetrics;
import io.replywatch.ingest.Paging;
import io.replywatch.ingest.Paging.Fetched;
import io.replywatch.ingest.Poller;
import io.replywatch.ingest.PostLookup;
import io.replywatch.ingest.Post;
import io.replywatch.ingest.RejectedStore;
import io.replywatch.ingest.Reread;
import io.replywatch.ingest.SourceHealth;
import io.replywatch.time.ServiceClock;
import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Polls one brand's Reddit account (social-apis.md §4): the inbox (username mentions, and replies to the brand's
 * comments and posts, which name no one: a customer's "still broken"), a keyword search of new posts and
 * the new comments of the brand's subreddits that name a keyword (Reddit's search finds no comments), then the
 * brand's own comments (replies made anywhere, the Reddit app included). Listings are newest first with
 * fullname cursors; each cycle reads down from the newest with {@code after} until it meets the stored cursor,
 * and a first start reads back over the backfill window. Reddit has one budget per client.
 */
public final class RedditPoller extends Poller {
  static final int PAGE_SIZE = 100;
  /**
   * Things a listing shows at most (social-apis.md §4.3: about 1,000), less some slack for those removed after a
   * page was cut: a first start's listing that ends after this many was cut by the reach, not by the account's age.
   */
  static final int REACH = 900;
  /** An endpoint not read this cycle: no posts, and its cursor stays as it was. */
  private static final Fetched<Post> NOTHING = new Fetched<>(List.of(), null);

  private RedditClient client;

  public RedditPoller(Brand brand, Account account, PlatformSettings settings, CursorStore cursors,
      RejectedStore rejected, SourceHealth health, IngestMetrics metrics, ServiceClock clock) {
    super(Platform.REDDIT, brand, account, settings, cursors, rejected, health, metrics, clock);
  }

  @Override
  protected void init(WebClient webClient) {
    client = new RedditClient(webClient, settings.baseUrl(), account.token(), clock);
  }

  /**
   * {@code GET /api/info}, 100 fullnames a request and a check, from the client's one budget, only while it keeps
   * the check's reserve in hand.
   */
  @Override
  protected Optional<PostLookup> postLookup() {
    return Optional.of(new PostLookup(platform.id(), RedditLookup.MAX_IDS, RedditLookup.MAX_IDS,
        names -> request(() -> client.info(names))));
  }

  /** Reddit's required form, {@code <platform>:<app id>:<version> (by /u/<user>)} (social-apis.md §4). */
  @Override
  protected String userAgent() {
    return "jvm:io.replywatch:0.1 (by /u/" + account.handle() + ")";
  }

  @Override
  protected Future<Cycle> cycle(Instant now) {
    Map<String, String> next = new HashMap<>();
    List<Post> mentions = new ArrayList<>();
    // The inbox keeps the cursor name of the mentions listing it replaced: its comment ids are the same, so an
    // upgrade goes on from the stored cursor instead of reading the backfill window again.
    return read("mentions", now, client::inbox)
        .compose(m -> {
          keep(next, "mentions", m, mentions);
          return brand.keywords().isEmpty() ? Future.succeededFuture(NOTHING)
              : read("search", now, q -> client.search(searchQuery(q)))
                  .recover(e -> skipRejected(e, "keyword search").map(NOTHING));
        })
        .compose(s -> {
          keep(next, "search", s, mentions);
          return subredditComments(now, next, mentions);
        })
        .compose(v -> {
          Map<String, String> sort = Map.of("sort", "new");
          return read("comments", now, q -> client.comments(account.handle(), merged(q, sort)));
        })
        .map(c -> {
          Optional.ofNullable(c.cursor()).ifPresent(cursor -> next.put("comments", cursor));
          return new Cycle(mentions, c.items(), next);
        });
  }

  /**
   * Each subreddit's comments since its cursor; those naming a keyword are mentions. The cursor moves past the
   * rest too: they were read. A subreddit Reddit refuses (404 for a name that does not exist) is skipped and named
   * in the health detail.
   */
  private Future<Void> subredditComments(Instant now, Map<String, String> next, List<Post> mentions) {
    Future<Void> read = Future.succeededFuture();
    for (String sub : brand.subreddits()) {
      String endpoint = "comments:r/" + sub;
      read = read.compose(v -> read(endpoint, now, q -> client.subredditComments(sub, q))
          .map(f -> {
            keep(next, endpoint, new Fetched<>(f.items().stream().filter(this::namesAKeyword).toList(), f.cursor()),
                mentions);
            return (Void) null;
          })
          .recover(e -> skipRejected(e, "comments of r/" + sub)));
    }
    return read;
  }

  /** As a cycle reads them: the brand's comments are reply candidates, a subreddit's comment must name a keyword. */
  @Override
  protected Reread reread(String endpoint, JsonNode item) {
    Optional<Post> read = RedditParser.stored(endpoint, item);
    if (read.isEmpty() || endpoint.startsWith("comments:") && !namesAKeyword(read.get())) {
      return Reread.NOTHING;
    }
    return endpoint.equals("comments") ? Reread.brandPost(read.get()) : Reread.mention(read.get());
  }

  private boolean namesAKeyword(Post p) {
    String text = p.text().toLowerCase(Locale.ROOT);
    return brand.keywords().stream().anyMatch(k -> text.contains(k.toLowerCase(Locale.ROOT)));
  }

  private static void keep(Map<String, String> next, String endpoint, Fetched<Post> read, List<Post> into) {
    Optional.ofNullable(read.cursor()).ifPresent(c -> next.put(endpoint, c));
    into.addAll(read.items());
  }

  private Map<String, String> searchQuery(Map<String, String> q) {
    return merged(q, Map.of("q", RedditClient.searchQuery(brand.keywords()), "sort", "new", "type", "link"));
  }

  private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
    Map<String, String> out = new HashMap<>(a);
    out.putAll(b);
    return out;
  }

  /**
   * From the newest item back to the stored fullname, or back over the backfill window, page by page with the
   * listing's own {@code after}. Not {@code before=cursor}: when that anchor is deleted Reddit answers empty
   * forever (social-apis.md §4.3), while reading down from the top and comparing ids cannot get stuck. A read that
   * ends before it gets there (the listing's reach, the page cap) moves the cursor to the newest anyway: the posts
   * in between are out of reach for good, so they are given up, counted and named rather than lost unsaid.
   */
  private Future<Fetched<Post>> read(String endpoint, Instant now,
      Function<Map<String, String>, Future<ApiPage<RedditParser.Listing>>> call) {
    Optional<String> cursor = cursor(endpoint);
    Instant since = now.minus(settings.backfill());
    Predicate<Post> seen = cursor.<Predicate<Post>>map(c -> p -> Ids.ORDER.compare(p.id(), c) <= 0)
        .orElse(p -> p.createdAt().isBefore(since));
    Function<Map<String, String>, Future<RedditParser.Listing>> fetch = query -> request(() -> call.apply(query))
        .map(listing -> {
          setAside(endpoint, listing.rejected());
          return listing;
        });
    return downTo(fetch, seen, null, new ArrayList<>(), null, 0, 0).map(down -> {
      List<Post> oldestFirst = new ArrayList<>(down.newestFirst());
      Collections.reverse(oldestFirst);
      // Without a cursor a listing that ends may just be the account's whole history; only one as long as the
      // reach was cut by it. With a cursor, or at the page cap, there was more to read.
      boolean cut = down.capped() || cursor.isPresent() || down.entries() >= REACH;
      if (!down.reached() && cut && !oldestFirst.isEmpty()) {
        Post oldest = oldestFirst.get(0);
        gaveUp(endpoint, "reddit " + endpoint + " between " + oldest.id() + " (" + oldest.createdAt() + ") and "
            + cursor.orElse("the backfill window's start " + since) + ": "
            + (down.capped() ? "the read stopped at its page cap" : "beyond the listing's reach"));
      }
      return new Fetched<>(oldestFirst, Ids.max(cursor.orElse(null), down.newest()));
    });
  }

  /**
   * How a read down a listing ended: the posts not yet seen, newest first; whether it met a post it had
   * {@code seen}, or stopped at the page cap with more to read; the newest id; the things on the wire it walked.
   */
  private record Down(List<Post> newestFirst, boolean reached, boolean capped, String newest, int entries) {}

  /**
   * Reads on while {@code data.after} names a next page and no item was {@code seen}. A page shorter than the
   * limit is no end: Reddit drops removed items from a page after cutting it, so only a null {@code after} is.
   */
  private static Future<Down> downTo(Function<Map<String, String>, Future<RedditParser.Listing>> fetch,
      Predicate<Post> seen, String after, List<Post> newestFirst, String newest, int pages, int entries) {
    Map<String, String> query = after == null ? Map.of("limit", Integer.toString(PAGE_SIZE))
        : Map.of("limit", Integer.toString(PAGE_SIZE), "after", after);
    return fetch.apply(query).compose(listing -> {
      List<Post> page = listing.posts();
      String top = newest == null && !page.isEmpty() ? page.get(0).id() : newest;
      int walked = entries + page.size() + listing.rejected().size();
      boolean reached = false;
      for (Post p : page) {
        if (seen.test(p)) {
          reached = true;
        } else {
          newestFirst.add(p);
        }
      }
      if (reached || listing.after().isEmpty() || pages + 1 >= Paging.MAX_PAGES) {
        boolean capped = !reached && listing.after().isPresent();
        return Future.succeededFuture(new Down(newestFirst, reached, capped, top, walked));
      }
      return downTo(fetch, seen, listing.after().get(), newestFirst, top, pages + 1, walked);
    });
  }
}
