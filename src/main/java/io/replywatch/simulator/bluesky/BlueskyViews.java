package io.replywatch.simulator.bluesky;

import io.replywatch.simulator.SimPost;
import io.replywatch.simulator.bluesky.BlueskyLists.Entry;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What each Bluesky list holds at one instant, before paging: notifications (mentions and replies of customers,
 * likes of brand posts), search hits and the brand's author feed, each entry keyed by its index time.
 */
final class BlueskyViews {
  private final List<SimPost> posts;
  private final List<SimPost> keywordOnly;
  private final BlueskyJson json;
  private final Predicate<SimPost> malformed;

  /**
   * Posts visible at {@code now} (index time passed) of the timeline and of the keyword-only posts; those
   * {@code malformed} are rendered without their {@code indexedAt}.
   */
  BlueskyViews(List<SimPost> timeline, List<SimPost> keywordPosts, Instant now, String brandDid, String brandHandle,
      Predicate<SimPost> malformed) {
    this.malformed = malformed;
    this.posts = timeline.stream().filter(p -> !BlueskyJson.indexedAt(p).isAfter(now)).toList();
    this.keywordOnly = keywordPosts.stream().filter(p -> !BlueskyJson.indexedAt(p).isAfter(now)).toList();
    Map<String, SimPost> byId = new HashMap<>();
    keywordOnly.forEach(p -> byId.put(p.id(), p));
    posts.forEach(p -> byId.put(p.id(), p));
    this.json = new BlueskyJson(brandDid, brandHandle, byId);
  }

  List<Entry> notifications() {
    List<Entry> entries = new ArrayList<>();
    for (SimPost p : posts) {
      entries.add(p.brand() ? entry(p, json.like(p), true) : entry(p, malform(p, json.notification(p)), false));
    }
    return entries;
  }

  /** Posts whose shown text contains {@code q} (case-insensitive), indexed at or after {@code since}. */
  List<Entry> search(String q, Instant since) {
    String needle = q.toLowerCase(Locale.ROOT);
    List<SimPost> pool = new ArrayList<>(posts.stream().filter(p -> !p.brand()).toList());
    pool.addAll(keywordOnly);
    List<Entry> entries = new ArrayList<>();
    for (SimPost p : pool) {
      boolean mention = !keywordOnly.contains(p);
      if (json.text(p, mention).toLowerCase(Locale.ROOT).contains(needle) && !BlueskyJson.indexedAt(p).isBefore(since)) {
        entries.add(entry(p, malform(p, json.postView(p, mention)), false));
      }
    }
    return entries;
  }

  List<Entry> authorFeed() {
    return posts.stream().filter(SimPost::brand).map(p -> {
      JsonObject view = json.feedViewPost(p);
      malform(p, view.getJsonObject("post"));
      return entry(p, view, false);
    }).toList();
  }

  /** {@code view} without its {@code indexedAt} when {@code p} is to be served malformed. */
  private JsonObject malform(SimPost p, JsonObject view) {
    if (malformed.test(p)) {
      view.remove("indexedAt");
    }
    return view;
  }

  private static Entry entry(SimPost p, JsonObject rendered, boolean like) {
    Instant at = BlueskyJson.indexedAt(p).plusSeconds(like ? 30 : 0);
    return new Entry(at, rendered.getString("uri"), rendered);
  }
}
