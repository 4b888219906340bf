package io.replywatch.ingest.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig.Account;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.config.ReplywatchConfig.PlatformSettings;
import io.replywatch.ingest.Backlog;
import io.replywatch.ingest.CursorStore;
import io.replywatch.ingest.IngestMetrics;
import io.replywatch.ingest.PollException;
import io.replywatch.ingest.Poller;
import io.replywatch.ingest.PostLookup;
import io.replywatch.ingest.Post;
import io.replywatch.ingest.RejectedStore;
import io.replywatch.ingest.Reread;
import io.replywatch.ingest.SourceHealth;
import io.replywatch.ingest.bluesky.BlueskyPaging.Walk;
import io.replywatch.ingest.bluesky.BlueskyParser.Item;
import io.replywatch.ingest.bluesky.BlueskyParser.Listing;
import io.replywatch.time.ServiceClock;
import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one brand's Bluesky account (social-apis.md §3): {@code listNotifications} (mention, reply, quote), a
 * {@code searchPosts} per brand keyword, then the brand's own posts from {@code getAuthorFeed} up to the same
 * moment (replies made in any app are there), handed on as one batch by {@link Poller}. Each list keeps a
 * {@link HighWater} cursor. A read that {@link BlueskyPaging#MAX_PAGES} stop above the mark (after a long outage)
 * leaves its unread range as a {@link Gap} in the list's backlog, read on from its cursor by the following cycles
 * after the new posts (see {@link Backlog}). A search hit that mentions the brand or replies to it is left to the
 * notifications, so the same post found twice is one mention, also across restarts. The account's handle logs in;
 * its token is the app password.
 */
public final class BlueskyPoller extends Poller {
  private static final Logger LOG = LoggerFactory.getLogger(BlueskyPoller.class);
  static final String NOTIFICATIONS = "app.bsky.notification.listNotifications";
  static final String SEARCH = "app.bsky.feed.searchPosts";
  static final String AUTHOR_FEED = "app.bsky.feed.getAuthorFeed";
  /** The cursor-store entry of the brand's own posts. */
  static final String OWN = "authorFeed";
  private static final int LIMIT = 100;

  /** What one list gave this cycle: items oldest first, its cursor-store writes, whether unread ranges are left. */
  private record Read(List<Item> items, Map<String, String> cursors, boolean backlogLeft) {}

  private BlueskyClient client;

  public BlueskyPoller(Brand brand, Account account, PlatformSettings settings, CursorStore cursors,
      RejectedStore rejected, SourceHealth health, IngestMetrics metrics, ServiceClock clock) {
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

  /**
   * {@code app.bsky.feed.getPosts}, 25 URIs a request, at most 100 posts a check, only while the window keeps the
   * check's reserve in hand.
   */
  @Override
  protected Optional<PostLookup> postLookup() {
    return Optional.of(new PostLookup(platform.id(), BlueskyLookup.MAX_URIS, 100, uris -> request(
        () -> client.get("app.bsky.feed.getPosts", Map.of("uris", uris), body -> BlueskyLookup.posts(uris, body)))));
  }

  @Override
  protected boolean keepsBacklog() {
    return true;
  }

  @Override
  protected Optional<Instant> backlogSince() {
    return Stream.concat(Stream.of("notifications", OWN), brand.keywords().stream().map(k -> "search:" + k))
        .flatMap(list -> Gap.parse(cursor(list + Backlog.SUFFIX).orElse("")).stream())
        .map(Gap::lowerBound)
        .min(Comparator.naturalOrder());
  }

  /**
   * Mentions, then the brand's own posts. A mention is handed on only by a cycle that has read the brand's own
   * posts completely, back to their mark: a reply in an unread range of them would otherwise come after its
   * mention, which may alert as already overdue (product.md §5). So while the own posts have a backlog, a cycle
   * reads only them; and when a cycle's own read leaves one, its mentions and their cursors are dropped, to be read
   * again next cycle.
   */
  @Override
  protected Future<Cycle> cycle(Instant now) {
    Instant since = now.minus(settings.backfill());
    Map<String, String> next = new LinkedHashMap<>();
    List<Post> mentions = new ArrayList<>();
    boolean ownFirst = !Gap.parse(cursor(OWN + Backlog.SUFFIX).orElse("")).isEmpty();
    Future<Void> read = ownFirst ? Future.succeededFuture() : readMentions(since, next, mentions);
    return read.compose(v -> read(OWN, since, AUTHOR_FEED, stop -> Map.of("actor", brandId(), "filter",
            "posts_with_replies"), BlueskyParser::authorFeed, item -> item.post().authorId().equals(brandId())))
        .map(own -> {
          List<Post> posts = own.items().stream().map(Item::post).toList();
          if (ownFirst || own.backlogLeft()) {
            LOG.info("bluesky mentions for {} wait until the brand's own posts are read to their end",
                account.handle());
            return Cycle.ownOnly(posts, own.cursors());
          }
          next.putAll(own.cursors());
          return new Cycle(mentions, posts, next);
        });
  }

  /** Notifications, then one search per keyword (a search Bluesky refuses is skipped this cycle). */
  private Future<Void> readMentions(Instant since, Map<String, String> next, List<Post> mentions) {
    // No reasons filter: the AppView applies it after cutting the page, so filtered pages can be empty and say
    // nothing of how far they reach; every notification's place keeps the walk's mark and stop exact.
    Future<Void> read = read("notifications", since, NOTIFICATIONS, stop -> Map.of(), BlueskyParser::notifications,
        item -> true).map(r -> keep(r, next, mentions));
    for (String keyword : brand.keywords()) {
      String list = "search:" + keyword;
      read = read.compose(v -> read(list, since, SEARCH,
              stop -> Map.of("q", keyword, "sort", "latest", "since", stop.at().toString()),
              BlueskyParser::searchPosts, this::keywordOnly)
          .map(r -> keep(r, next, mentions))
          .recover(e -> skipRejected(e, "search for '" + keyword + "'")));
    }
    return read;
  }

  private static Void keep(Read r, Map<String, String> next, List<Post> into) {
    next.putAll(r.cursors());
    r.items().stream().map(Item::post).forEach(into::add);
    return null;
  }

  /** As a cycle reads them: the brand's feed gives reply candidates, a search hit counts as in {@link #keywordOnly}. */
  @Override
  protected Reread reread(String list, JsonNode entry) {
    Optional<Item> read = BlueskyParser.stored(list, entry);
    if (read.isEmpty()) {
      return Reread.NOTHING;
    }
    if (list.equals(OWN)) {
      return read.get().post().authorId().equals(brandId()) ? Reread.brandPost(read.get().post()) : Reread.NOTHING;
    }
    return list.startsWith("search:") && !keywordOnly(read.get()) ? Reread.NOTHING : Reread.mention(read.get().post());
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

  /**
   * One list: the new entries from the newest back to the stored mark (or the backfill window), then, with the
   * pages that left over, its backlog. A walk the page cap stops above its mark leaves a {@link Gap} from its cursor
   * down to that mark; the new mark covers the newest entries as before.
   *
   * @param query the list's own parameters for a walk back to a mark (search passes it as {@code since})
   */
  private Future<Read> read(String list, Instant since, String nsid, Function<HighWater, Map<String, Object>> query,
      Function<String, Listing> parse, Predicate<Item> keep) {
    HighWater stop = HighWater.decode(cursor(list)).orElse(new HighWater(since, Set.of()));
    String stored = cursor(list + Backlog.SUFFIX).orElse("");
    Function<HighWater, Function<Optional<String>, Future<Listing>>> fetch = mark -> cursor -> {
      Map<String, Object> q = new HashMap<>(query.apply(mark));
      q.put("limit", LIMIT);
      cursor.ifPresent(c -> q.put("cursor", c));
      return request(() -> client.get(nsid, q, parse)).map(listing -> {
        setAside(list, listing.rejected());
        return listing;
      });
    };
    return BlueskyPaging.walk(fetch.apply(stop), stop, Optional.empty(), BlueskyPaging.MAX_PAGES, () -> true)
        .compose(head -> {
          List<Gap> gaps = new ArrayList<>();
          head.next().ifPresent(cursor -> stoppedShort(list, head, stop).ifPresent(gaps::add));
          return Backlog.drain(Gap.parse(stored), BlueskyPaging.MAX_PAGES - head.pages(),
              () -> spare(platform.id(), Backlog.RESERVE),
              (Gap gap, int pages) -> readGap(list, fetch.apply(gap.stop()), gap, pages)).map(d -> {
                gaps.addAll(d.left());
                List<Item> items = new ArrayList<>(head.newestFirst());
                items.addAll(d.newestFirst());
                Collections.reverse(items);
                String left = Gap.format(gaps);
                if (!left.equals(stored) && !stored.isEmpty()) {
                  LOG.info("bluesky {} backlog for {}: {} posts read this cycle, {}", list, account.handle(),
                      d.newestFirst().size(), gaps.isEmpty() ? "none left" : gaps.size() + " range(s) left");
                }
                return new Read(items.stream().filter(keep).toList(),
                    Backlog.writes(list, stored, left, Optional.of(head.mark().encode())), !gaps.isEmpty());
              });
        });
  }

  /**
   * The range a head walk stopped above its mark leaves, from its cursor down to the mark. Only when the walk
   * raised the mark: one that met no entry at all in its pages keeps its mark, and its next walk, from the newest,
   * would read that range again.
   */
  private Optional<Gap> stoppedShort(String list, Walk head, HighWater stop) {
    if (head.mark().equals(stop)) {
      LOG.warn("bluesky {} for {}: {} pages without an entry, above {}: read again next cycle", list,
          account.handle(), head.pages(), stop.at());
      return Optional.empty();
    }
    LOG.info("bluesky {} for {} stopped after {} pages ({} posts): the older posts back to {} are read as backlog "
        + "from the next cycle on", list, account.handle(), head.pages(), head.newestFirst().size(), stop.at());
    return Optional.of(new Gap(head.next().orElseThrow(), stop));
  }

  /**
   * One range of the backlog, on from its cursor down to its mark. A cursor the AppView refuses (400: a cursor it
   * no longer reads) cannot be read on from, nor found again: the range is given up, said and counted.
   */
  private Future<Backlog.Step<Gap, Item>> readGap(String list, Function<Optional<String>, Future<Listing>> fetch,
      Gap gap, int pages) {
    return BlueskyPaging.walk(fetch, gap.stop(), Optional.of(gap.cursor()), pages,
            () -> spare(platform.id(), Backlog.RESERVE))
        .map(w -> new Backlog.Step<>(w.newestFirst(), w.next().map(c -> new Gap(c, gap.stop())), w.pages()))
        .recover(e -> {
          if (!(e instanceof PollException p) || p.kind() != PollException.Kind.REJECTED) {
            return Future.failedFuture(e);
          }
          gaveUp(list, "bluesky " + list + " range back to " + gap.lowerBound() + ": its cursor was refused ("
              + p.getMessage() + ")");
          return Future.succeededFuture(new Backlog.Step<>(List.of(), Optional.empty(), 1));
        });
  }
}
