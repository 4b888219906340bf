package io.replywatch.simulator.bluesky;

import io.replywatch.simulator.SimPost;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Renders simulator posts as Bluesky views (social-apis.md §3.2): at-uris, DIDs and handles, post records with
 * mention facets and {@code reply.root/parent} strong refs, notifications, postViews and feedViewPosts.
 */
final class BlueskyJson {
  /** Index time trails the client's createdAt, as on the real AppView. */
  static final java.time.Duration INDEX_DELAY = java.time.Duration.ofMillis(700);

  private final String brandDid;
  private final String brandHandle;
  private final Map<String, SimPost> byId;

  BlueskyJson(String brandDid, String brandHandle, Map<String, SimPost> byId) {
    this.brandDid = brandDid;
    this.brandHandle = brandHandle;
    this.byId = byId;
  }

  static Instant indexedAt(SimPost p) {
    return p.createdAt().truncatedTo(ChronoUnit.MILLIS).plus(INDEX_DELAY);
  }

  String did(SimPost p) {
    return p.brand() ? brandDid : "did:plc:c" + p.authorId().replaceAll("[^a-z0-9]", "");
  }

  String handle(SimPost p) {
    if (p.brand()) {
      return brandHandle;
    }
    String h = p.authorHandle().replace('@', '.');
    return h.contains(".") ? h : h + ".bsky.social";
  }

  String uri(SimPost p) {
    String rkey;
    try {
      rkey = "3" + Long.toString(Long.parseLong(p.id()), 32);
    } catch (NumberFormatException e) {
      rkey = p.id();
    }
    return "at://" + did(p) + "/app.bsky.feed.post/" + rkey;
  }

  /** Whether the post replies to one of the brand's posts (a "reply" notification rather than a "mention"). */
  boolean repliesToBrand(SimPost p) {
    return p.inReplyTo().map(byId::get).map(SimPost::brand).orElse(false);
  }

  JsonObject notification(SimPost p) {
    JsonObject n = new JsonObject().put("uri", uri(p)).put("cid", cid(p)).put("author", author(p))
        .put("reason", repliesToBrand(p) ? "reply" : "mention")
        .put("record", record(p, true)).put("isRead", false).put("indexedAt", time(indexedAt(p)))
        .put("labels", new JsonArray());
    if (repliesToBrand(p)) {
      n.put("reasonSubject", uri(byId.get(p.inReplyTo().get())));
    }
    return n;
  }

  /** Someone liked a brand post: the AppView lists it; a {@code reasons} filter, or the poller, drops it. */
  JsonObject like(SimPost brandPost) {
    String fan = "did:plc:fan" + brandPost.id();
    return new JsonObject().put("uri", "at://" + fan + "/app.bsky.feed.like/3l" + brandPost.id())
        .put("cid", "bafyreilike" + brandPost.id())
        .put("author", new JsonObject().put("did", fan).put("handle", "fan" + brandPost.id() + ".bsky.social"))
        .put("reason", "like").put("reasonSubject", uri(brandPost))
        .put("record", new JsonObject().put("$type", "app.bsky.feed.like")
            .put("subject", new JsonObject().put("uri", uri(brandPost)).put("cid", cid(brandPost)))
            .put("createdAt", time(indexedAt(brandPost).plusSeconds(30))))
        .put("isRead", false).put("indexedAt", time(indexedAt(brandPost).plusSeconds(30)));
  }

  JsonObject postView(SimPost p, boolean mentionBrand) {
    return new JsonObject().put("uri", uri(p)).put("cid", cid(p)).put("author", author(p))
        .put("record", record(p, mentionBrand)).put("replyCount", 0).put("repostCount", 0).put("likeCount", 0)
        .put("quoteCount", 0).put("indexedAt", time(indexedAt(p))).put("labels", new JsonArray());
  }

  JsonObject feedViewPost(SimPost p) {
    return new JsonObject().put("post", postView(p, false));
  }

  /** The text a post shows: a mention starts with the brand's handle, with a facet carrying the DID. */
  String text(SimPost p, boolean mentionBrand) {
    return mentionBrand && !p.brand() && !repliesToBrand(p) ? "@" + brandHandle + " " + p.text() : p.text();
  }

  private JsonObject record(SimPost p, boolean mentionBrand) {
    String text = text(p, mentionBrand);
    JsonObject r = new JsonObject().put("$type", "app.bsky.feed.post").put("text", text)
        .put("langs", new JsonArray().add(p.language())).put("createdAt", time(p.createdAt()));
    if (text.startsWith("@" + brandHandle + " ")) {
      int end = ("@" + brandHandle).getBytes(StandardCharsets.UTF_8).length;
      r.put("facets", new JsonArray().add(new JsonObject()
          .put("index", new JsonObject().put("byteStart", 0).put("byteEnd", end))
          .put("features", new JsonArray().add(new JsonObject()
              .put("$type", "app.bsky.richtext.facet#mention").put("did", brandDid)))));
    }
    p.inReplyTo().map(byId::get).ifPresent(parent -> {
      SimPost root = parent;
      while (root.inReplyTo().isPresent() && byId.containsKey(root.inReplyTo().get())) {
        root = byId.get(root.inReplyTo().get());
      }
      r.put("reply", new JsonObject().put("root", ref(root)).put("parent", ref(parent)));
    });
    return r;
  }

  private JsonObject ref(SimPost p) {
    return new JsonObject().put("uri", uri(p)).put("cid", cid(p));
  }

  private JsonObject author(SimPost p) {
    return new JsonObject().put("did", did(p)).put("handle", handle(p)).put("displayName", p.authorHandle())
        .put("labels", new JsonArray());
  }

  private static String cid(SimPost p) {
    return "bafyrei" + Integer.toHexString(p.id().hashCode());
  }

  static String time(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS));
  }
}
