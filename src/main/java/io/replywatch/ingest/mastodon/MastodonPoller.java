package io.replywatch.ingest.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig.Account;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.config.ReplywatchConfig.PlatformSettings;
import io.replywatch.ingest.ApiPage;
import io.replywatch.ingest.Backlog;
import io.replywatch.ingest.CursorStore;
import io.replywatch.ingest.IngestMetrics;
import io.replywatch.ingest.Paging;
import io.replywatch.ingest.Paging.Fetched;
import io.replywatch.ingest.Paging.Page;
import io.replywatch.ingest.Poller;
import io.replywatch.ingest.Post;
import io.replywatch.ingest.PostLookup;
import io.replywatch.ingest.RejectedStore;
import io.replywatch.ingest.Reread;
import io.replywatch.ingest.SourceHealth;
import io.replywatch.ingest.mastodon.MastodonParser.Found;
import io.replywatch.ingest.mastodon.MastodonParser.Notification;
import io.replywatch.time.ServiceClock;
import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Polls one brand's Mastodon account (social-apis.md §2): mention notifications forward from a durable
 * {@code min_id} cursor, a status search per brand keyword, then the brand's own statuses up to the same moment,
 * handed to the SLA stage as one batch by {@link Poller}. A search hit that mentions the brand is left to the
 * notifications, so the same status found twice is still one mention, also across restarts.
 */
public final class MastodonPoller extends Poller {
  private static final int NOTIFICATION_LIMIT = 80;
  private static final int STATUS_LIMIT = 40;
  private static final int SEARCH_LIMIT = 40;
  private static final int LOOKUPS_PER_CHECK = 20;

  private MastodonClient client;

  public MastodonPoller(Brand brand, Account account, PlatformSettings settings, CursorStore cursors,
      RejectedStore rejected, SourceHealth health, IngestMetrics metrics, ServiceClock clock) {
    super(Platform.MASTODON, brand, account, settings, cursors, rejected, health, metrics, clock);
  }

  @Override
  protected void init(WebClient webClient) {
    client = new MastodonClient(webClient, settings.baseUrl(), account.token(), clock);
  }

  @Override
  protected Future<Cycle> cycle(Instant now) {
    Map<String, String> next = new LinkedHashMap<>();
    List<Post> mentions = new ArrayList<>();
    Future<Void> read = this.<Notification>read("notifications", client::notifications, NOTIFICATION_LIMIT,
        Notification::id, Notification::createdAt, now, next)
        .map(f -> collect(f, next, "notifications", mentions, n -> n.status().orElse(null)));
    for (String keyword : brand.keywords()) {
      String endpoint = "search:" + keyword;
      read = read.compose(v -> this.<Found>read(endpoint, q -> client.search(keyword, q), SEARCH_LIMIT,
              f -> f.post().id(), f -> f.post().createdAt(), now, next)
          .map(f -> collect(f, next, endpoint, mentions, this::keywordOnly))
          .recover(e -> skipRejected(e, "search for '" + keyword + "'")));
    }
    List<Post> own = new ArrayList<>();
    return read.compose(v -> this.<Post>read("statuses", q -> client.statuses(account.id(), q), STATUS_LIMIT,
            Post::id, Post::createdAt, now, next)
        .map(f -> collect(f, next, "statuses", own, p -> p)))
        .map(v -> new Cycle(mentions, own, next));
  }

  /** As a cycle reads them: the brand's statuses are reply candidates, a search hit counts as {@link #keywordOnly}. */
  @Override
  protected Reread reread(String endpoint, JsonNode item) {
    Optional<Found> found = MastodonParser.stored(endpoint, item);
    if (found.isEmpty()) {
      return Reread.NOTHING;
    }
    if (endpoint.equals("statuses")) {
      return Reread.brandPost(found.get().post());
    }
    Post mention = endpoint.equals("notifications") ? found.get().post() : keywordOnly(found.get());
    return mention == null ? Reread.NOTHING : Reread.mention(mention);
  }

  /** A search hit counts only when no notification brings it: not the brand's own, not mentioning the brand. */
  private Post keywordOnly(Found f) {
    boolean fromNotifications = f.mentionedAccountIds().contains(account.id());
    return fromNotifications || f.post().authorId().equals(account.id()) ? null : f.post();
  }

  private static <T> Void collect(Fetched<T> fetched, Map<String, String> next, String endpoint, List<Post> into,
      Function<T, Post> post) {
    fetched.items().stream().map(post).filter(java.util.Objects::nonNull).forEach(into::add);
    if (fetched.cursor() != null) {
      next.put(endpoint, fetched.cursor());
    }
    return null;
  }

  /**
   * Forward from the stored cursor, or a backfill on a first start. A forward read cut at the page cap goes on from
   * where it stopped next cycle: nothing is lost, but what came after its newest item is late, so that item's time
   * is kept as the endpoint's backlog (written before the cursor) until a read ends short. A backfill cut at the
   * cap never reads the older part of the window: that range is given up.
   */
  private <T> Future<Fetched<T>> read(String endpoint, Function<Map<String, String>, Future<ApiPage<Page<T>>>> call,
      int limit, Function<T, String> idOf, Function<T, Instant> createdAt, Instant now, Map<String, String> next) {
    Paging.PageFetch<T> fetch = query -> request(() -> call.apply(query)).map(page -> {
      setAside(endpoint, page.rejected());
      return page;
    });
    Optional<String> cursor = cursor(endpoint);
    if (cursor.isEmpty()) {
      Instant since = now.minus(settings.backfill());
      return Paging.backfill(fetch, since, limit, idOf, createdAt).map(f -> {
        if (f.capped()) {
          gaveUp(endpoint, "mastodon " + endpoint + " between " + createdAt.apply(f.items().get(0))
              + " and the backfill window's start " + since + ": the first start's backfill stopped at its page cap");
        }
        return f;
      });
    }
    return Paging.forward(fetch, cursor.get(), limit, idOf).map(f -> {
      String backlog = f.capped() ? createdAt.apply(f.items().get(f.items().size() - 1)).toString() : "";
      next.putAll(Backlog.writes(endpoint, cursor(endpoint + Backlog.SUFFIX).orElse(""), backlog, Optional.empty()));
      return f;
    });
  }

  /**
   * One {@code GET /api/v1/statuses/:id} per post, so at most {@link #LOOKUPS_PER_CHECK} a check: a small fixed
   * share of the 300-per-5-minutes window, and only while it keeps more than the check's reserve in hand.
   */
  @Override
  protected Optional<PostLookup> postLookup() {
    return Optional.of(new PostLookup(platform.id(), 1, LOOKUPS_PER_CHECK,
        ids -> request(() -> client.status(ids.get(0))).map(p -> Map.of(ids.get(0), p))));
  }

  @Override
  protected boolean keepsBacklog() {
    return true;
  }

  /** The oldest backlog any endpoint keeps: the time of the newest item a capped forward read got to. */
  @Override
  protected Optional<Instant> backlogSince() {
    return Stream.concat(Stream.of("notifications", "statuses"), brand.keywords().stream().map(k -> "search:" + k))
        .flatMap(endpoint -> cursor(endpoint + Backlog.SUFFIX).stream())
        .flatMap(MastodonPoller::instant)
        .min(Comparator.naturalOrder());
  }

  /** A stored backlog's time; an empty or unreadable entry is none. */
  private static Stream<Instant> instant(String value) {
    try {
      return value.isEmpty() ? Stream.empty() : Stream.of(Instant.parse(value));
    } catch (DateTimeParseException e) {
      return Stream.empty();
    }
  }
}
