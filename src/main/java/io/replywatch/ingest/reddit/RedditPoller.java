package io.replywatch.ingest.reddit;

import io.replywatch.config.ReplywatchConfig.Account;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.config.ReplywatchConfig.PlatformSettings;
import io.replywatch.ingest.ApiPage;
import io.replywatch.ingest.CursorStore;
import io.replywatch.ingest.Paging;
import io.replywatch.ingest.Paging.Fetched;
import io.replywatch.ingest.Platform;
import io.replywatch.ingest.Post;
import io.replywatch.ingest.SourceHealth;
import io.replywatch.ingest.SourcePoller;
import io.replywatch.metrics.ServiceMetrics;
import io.replywatch.time.ServiceClock;
import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Polls one brand's Reddit account (social-apis.md §4): inbox username mentions and a keyword search of new posts,
 * then the brand's own comments (replies made anywhere, the Reddit app included). Listings are newest first with
 * fullname cursors, so the shared {@link Paging} applies with Reddit's names: {@code before} reads forward from the
 * stored cursor, {@code after} reads back over the backfill window. Reddit has one budget per client.
 */
public final class RedditPoller extends SourcePoller {
  static final int PAGE_SIZE = 100;
  private static final String BUDGET = "reddit";

  private RedditClient client;

  public RedditPoller(Brand brand, Account account, PlatformSettings settings, CursorStore cursors,
      SourceHealth health, ServiceMetrics metrics, ServiceClock clock) {
    super(Platform.REDDIT, brand, account, settings, cursors, health, metrics, clock);
  }

  @Override
  protected void open(WebClient webClient) {
    client = new RedditClient(webClient, settings.baseUrl(), account.token(), clock);
  }

  @Override
  protected Future<Cycle> cycle(Instant now) {
    Map<String, String> next = new HashMap<>();
    List<Post> mentions = new ArrayList<>();
    return read("mentions", now, client::mentions)
        .compose(m -> {
          keep(next, "mentions", m, mentions);
          return brand.keywords().isEmpty() ? Future.succeededFuture(new Fetched<Post>(List.of(), null))
              : read("search", now, q -> client.search(searchQuery(q)));
        })
        .compose(s -> {
          keep(next, "search", s, mentions);
          Map<String, String> sort = Map.of("sort", "new");
          return read("comments", now, q -> client.comments(account.handle(), merged(q, sort)));
        })
        .map(c -> {
          Optional.ofNullable(c.cursor()).ifPresent(cursor -> next.put("comments", cursor));
          return new Cycle(mentions, c.items(), next);
        });
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

  /** Forward from the stored fullname with {@code before}, or back over the backfill window with {@code after}. */
  private Future<Fetched<Post>> read(String endpoint, Instant now,
      Function<Map<String, String>, Future<ApiPage<RedditParser.Listing>>> call) {
    Paging.PageFetch<Post> fetch = query -> request(BUDGET, () -> call.apply(redditNames(query)))
        .map(RedditParser.Listing::posts);
    Optional<String> cursor = cursor(endpoint);
    return cursor.isPresent()
        ? Paging.forward(fetch, cursor.get(), PAGE_SIZE, Post::id)
        : Paging.backfill(fetch, now.minus(settings.backfill()), PAGE_SIZE, Post::id, Post::createdAt);
  }

  /** {@link Paging} speaks Mastodon's {@code min_id}/{@code max_id}; Reddit calls them {@code before}/{@code after}. */
  static Map<String, String> redditNames(Map<String, String> query) {
    Map<String, String> out = new HashMap<>();
    query.forEach((k, v) -> out.put(switch (k) {
      case "min_id" -> "before";
      case "max_id" -> "after";
      default -> k;
    }, v));
    return out;
  }
}
