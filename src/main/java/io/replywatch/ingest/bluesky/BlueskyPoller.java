package io.replywatch.ingest.bluesky;

import io.replywatch.config.ReplywatchConfig.Account;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.config.ReplywatchConfig.PlatformSettings;
import io.replywatch.ingest.CursorStore;
import io.replywatch.ingest.Platform;
import io.replywatch.ingest.Poller;
import io.replywatch.ingest.Post;
import io.replywatch.ingest.RejectedStore;
import io.replywatch.ingest.SourceHealth;
import io.replywatch.ingest.bluesky.BlueskyParser.Item;
import io.replywatch.ingest.bluesky.BlueskyParser.Listing;
import io.replywatch.ingest.bluesky.BlueskyPaging.Read;
import io.replywatch.metrics.ServiceMetrics;
import io.replywatch.time.ServiceClock;
import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Polls one brand's Bluesky account (social-apis.md §3): {@code listNotifications} (mention, reply, quote), a
 * {@code searchPosts} per brand keyword, then the brand's own posts from {@code getAuthorFeed} up to the same
 * moment (replies made in any app are there), handed on as one batch by {@link Poller}. Each list keeps a
 * {@link HighWater} cursor. A search hit that mentions the brand or replies to it is left to the notifications, so
 * the same post found twice is one mention, also across restarts. The account's handle logs in; its token is the
 * app password.
 */
public final class BlueskyPoller extends Poller {
  static final String NOTIFICATIONS = "app.bsky.notification.listNotifications";
  static final String SEARCH = "app.bsky.feed.searchPosts";
  static final String AUTHOR_FEED = "app.bsky.feed.getAuthorFeed";
  private static final int LIMIT = 100;

  private BlueskyClient client;

  public BlueskyPoller(Brand brand, Account account, PlatformSettings settings, CursorStore cursors,
      RejectedStore rejected, SourceHealth health, ServiceMetrics metrics, ServiceClock clock) {
    super(Platform.BLUESKY, brand, account, settings, cursors, rejected, health, metrics, clock);
  }

  @Override
  protected void init(WebClient webClient) {
    client = new BlueskyClient(webClient, settings.baseUrl(), account.handle(), account.token(), clock);
  }

  @Override
  protected String brandId() {
    return client == null ? account.id() : client.did().orElse(account.id());
  }

  @Override
  protected Future<Cycle> cycle(Instant now) {
    Instant since = now.minus(settings.backfill());
    Map<String, String> next = new LinkedHashMap<>();
    List<Post> mentions = new ArrayList<>();
    Future<Void> read = read("notifications", since, NOTIFICATIONS, Map.of("reasons", BlueskyParser.MENTION_REASONS
        .stream().sorted().toList()), BlueskyParser::notifications, item -> true, next, mentions);
    for (String keyword : brand.keywords()) {
      String endpoint = "search:" + keyword;
      read = read.compose(v -> {
        Optional<HighWater> mark = HighWater.decode(cursor(endpoint));
        Map<String, Object> query = Map.of("q", keyword, "sort", "latest",
            "since", mark.map(HighWater::at).orElse(since).toString());
        return read(endpoint, since, SEARCH, query, BlueskyParser::searchPosts, this::keywordOnly, next, mentions)
            .recover(e -> skipRejected(e, "search for '" + keyword + "'"));
      });
    }
    List<Post> own = new ArrayList<>();
    return read.compose(v -> read("authorFeed", since, AUTHOR_FEED,
            Map.of("actor", brandId(), "filter", "posts_with_replies"), BlueskyParser::authorFeed,
            item -> item.post().authorId().equals(brandId()), next, own))
        .map(v -> new Cycle(mentions, own, next));
  }

  /**
   * A search hit counts only when no notification brings it: it neither mentions, replies to (as parent or
   * thread root) nor quotes the brand (those are the reasons mention, reply and quote).
   */
  private boolean keywordOnly(Item item) {
    String did = brandId();
    Post p = item.post();
    return !item.mentionedDids().contains(did) && !p.authorId().equals(did)
        && p.inReplyToId().filter(uri -> uri.startsWith("at://" + did + "/")).isEmpty()
        && (p.inReplyToId().isEmpty() || p.conversationId().filter(uri -> uri.startsWith("at://" + did + "/")).isEmpty())
        && item.quotedUri().filter(uri -> uri.startsWith("at://" + did + "/")).isEmpty();
  }

  private Future<Void> read(String endpoint, Instant since, String nsid, Map<String, Object> query,
      Function<String, Listing> parse, Predicate<Item> keep, Map<String, String> next, List<Post> into) {
    Function<Optional<String>, Future<Listing>> fetch = cursor -> {
      Map<String, Object> q = new HashMap<>(query);
      q.put("limit", LIMIT);
      cursor.ifPresent(c -> q.put("cursor", c));
      return request(() -> client.get(nsid, q, parse)).map(listing -> {
        setAside(endpoint, listing.rejected());
        return listing;
      });
    };
    return BlueskyPaging.read(fetch, HighWater.decode(cursor(endpoint)), since).map((Read r) -> {
      r.items().stream().filter(keep).map(Item::post).forEach(into::add);
      next.put(endpoint, r.mark().encode());
      return null;
    });
  }
}
