package io.replywatch.ingest.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import io.replywatch.config.Platform;
import io.replywatch.ingest.ApiCalls;
import io.replywatch.ingest.ClaimedTime;
import io.replywatch.ingest.PollException;
import io.replywatch.ingest.Post;
import io.replywatch.ingest.RateLimit;
import io.replywatch.ingest.Rejected;
import io.replywatch.ingest.WireJson;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * Bluesky's wire format (social-apis.md §3) to our {@link Post}s, with no I/O: notifications, search hits and the
 * author feed, sessions, {@code RateLimit-*} headers (epoch seconds) and {@code {"error","message"}} bodies. A post
 * id is its at-uri; it replies to {@code record.reply.parent.uri}; its conversation is {@code record.reply.root.uri}.
 * A list without its array is a malformed page; an entry of it that cannot be read (no uri, no author DID, no
 * readable {@code indexedAt}) is set aside ({@link Rejected}) and the other entries are read.
 */
public final class BlueskyParser {
  private static final String PLATFORM = "Bluesky";
  /** The notification reasons that are a post addressed to the brand. */
  public static final Set<String> MENTION_REASONS = Set.of("mention", "reply", "quote");

  /**
   * One post of a list with what paging and de-duplication need.
   *
   * @param indexedAt when the AppView indexed it: lists are ordered by it, so it is the high-water mark
   * @param mentionedDids DIDs of the post's mention facets
   * @param quotedUri the post it quotes ({@code embed.record}), if any
   */
  public record Item(Post post, Instant indexedAt, List<String> mentionedDids, Optional<String> quotedUri) {}

  /** Where an entry stands in its list's order: its index time and uri, whether or not it became an item. */
  public record Position(Instant indexedAt, String uri) {}

  /**
   * One page of a list, newest first, and its entries set aside; no cursor means the end. {@code positions} are
   * those of every entry of the page whose place is readable, newest first, also of those that are no item (a like
   * among the notifications, an entry set aside): they tell how far the page reaches even when it holds no item.
   */
  public record Listing(List<Item> items, Optional<String> cursor, List<Position> positions, List<Rejected> rejected) {
    /** A page whose every entry is an item. */
    public Listing(List<Item> items, Optional<String> cursor) {
      this(items, cursor, positionsOf(items), List.of());
    }

    /** A page with nothing set aside. */
    public Listing(List<Item> items, Optional<String> cursor, List<Position> positions) {
      this(items, cursor, positions, List.of());
    }

    /** A page whose places are those of its items, with its entries set aside. */
    static Listing of(List<Item> items, Optional<String> cursor, List<Rejected> rejected) {
      return new Listing(items, cursor, positionsOf(items), rejected);
    }

    private static List<Position> positionsOf(List<Item> items) {
      return items.stream().map(i -> new Position(i.indexedAt(), i.post().id())).toList();
    }
  }

  /** A session from {@code createSession}/{@code refreshSession}. Its toString hides the tokens. */
  public record Session(String did, String handle, String accessJwt, String refreshJwt) {
    @Override
    public String toString() {
      return "Session[did=" + did + ", handle=" + handle + "]";
    }
  }

  /** An XRPC error body: {@code error} is the machine name (ExpiredToken, RateLimitExceeded...). */
  public record XrpcError(String name, String message) {}

  private BlueskyParser() {}

  /**
   * {@code listNotifications}: items of reasons mention, reply and quote; the others (likes, follows...) only as
   * positions. One whose index time or uri is unreadable has no place in the order and is left out.
   */
  public static Listing notifications(String body) {
    JsonNode root = object(body);
    List<Item> out = new ArrayList<>();
    List<Position> positions = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    for (JsonNode n : requireArray(root, "notifications")) {
      Optional<Item> item = MENTION_REASONS.contains(n.path("reason").asText())
          ? WireJson.item(n, x -> item(x, x.path("record")), BlueskyParser::uriOf, rejected)
          : Optional.empty();
      if (item.isPresent()) {
        out.add(item.get());
        positions.add(new Position(item.get().indexedAt(), item.get().post().id()));
      } else if (n.hasNonNull("uri") && n.hasNonNull("indexedAt")) {
        try {
          positions.add(new Position(instant(n.get("indexedAt").asText()), n.get("uri").asText()));
        } catch (PollException unreadable) {
          // No place in the order: a notification we never hand on, or one set aside for this very reason.
        }
      }
    }
    return new Listing(out, cursor(root), positions, rejected);
  }

  /** {@code searchPosts}: {@code posts[]} of postView. */
  public static Listing searchPosts(String body) {
    JsonNode root = object(body);
    List<Item> out = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    for (JsonNode p : requireArray(root, "posts")) {
      WireJson.item(p, x -> item(x, x.path("record")), BlueskyParser::uriOf, rejected).ifPresent(out::add);
    }
    return Listing.of(out, cursor(root), rejected);
  }

  /**
   * {@code getAuthorFeed}: {@code feed[].post}; reposts are skipped (they reply to nothing). A brand post set aside
   * is a reply not seen: its episode stays open until answered again or closed by hand.
   */
  public static Listing authorFeed(String body) {
    JsonNode root = object(body);
    List<Item> out = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    for (JsonNode f : requireArray(root, "feed")) {
      if (!f.path("reason").path("$type").asText().endsWith("#reasonRepost")) {
        WireJson.item(f, BlueskyParser::feedPost, x -> uriOf(x.path("post")), rejected).ifPresent(out::add);
      }
    }
    return Listing.of(out, cursor(root), rejected);
  }

  /**
   * One entry set aside earlier from the poller's {@code list}, read again at its start as its page's parser reads
   * it: a notification ({@code notifications}; empty for a like, a follow...), a search hit ({@code search:<keyword>}),
   * a post of the brand's feed ({@code authorFeed}; empty for a repost). Throws when it still cannot be read.
   */
  public static Optional<Item> stored(String list, JsonNode entry) {
    if (list.equals("notifications")) {
      return MENTION_REASONS.contains(entry.path("reason").asText())
          ? Optional.of(item(entry, entry.path("record"))) : Optional.empty();
    }
    if (list.equals("authorFeed")) {
      return entry.path("reason").path("$type").asText().endsWith("#reasonRepost") ? Optional.empty()
          : Optional.of(feedPost(entry));
    }
    if (list.startsWith("search:")) {
      return Optional.of(item(entry, entry.path("record")));
    }
    throw new IllegalArgumentException("no Bluesky list '" + list + "'");
  }

  private static Item feedPost(JsonNode f) {
    JsonNode p = f.get("post");
    if (p == null || !p.isObject()) {
      throw malformed("feed item without a post");
    }
    return item(p, p.path("record"));
  }

  /** The at-uri of an entry set aside, if it has one. */
  private static Optional<String> uriOf(JsonNode n) {
    return WireJson.text(n, "uri");
  }

  public static Session session(String body) {
    JsonNode root = object(body);
    return new Session(text(root, "did"), text(root, "handle"), text(root, "accessJwt"), text(root, "refreshJwt"));
  }

  /** The error name and message of an XRPC error body, or a note that it was not JSON (an HTML proxy page). */
  public static XrpcError error(String body) {
    JsonNode n = WireJson.readOrNull(body);
    return n != null && n.hasNonNull("error") ? new XrpcError(n.get("error").asText(), n.path("message").asText(""))
        : new XrpcError("NonJsonBody", "non-JSON error body");
  }

  /** {@code RateLimit-Remaining} and {@code RateLimit-Reset} (epoch seconds); unreadable headers mean unknown. */
  public static RateLimit rateLimit(Function<String, String> header, Instant now) {
    OptionalInt remaining = OptionalInt.empty();
    Instant reset = now;
    try {
      String r = header.apply("RateLimit-Remaining");
      if (r != null) {
        remaining = OptionalInt.of(Integer.parseInt(r.trim()));
      }
      String s = header.apply("RateLimit-Reset");
      if (s != null) {
        reset = Instant.ofEpochSecond(Long.parseLong(s.trim()));
      }
    } catch (NumberFormatException | java.time.DateTimeException ignored) {
      // An unreadable header is no information, not an error. A number past Instant's range (a proxy's garbage)
      // threw DateTimeException here, which failed a 200 page and, on every poll, left the source failing.
    }
    return new RateLimit(remaining, reset);
  }

  /** When a 429 may be retried: the later of {@code RateLimit-Reset} and {@code Retry-After} (seconds). */
  public static Instant retryAt(Function<String, String> header, Instant now) {
    return ApiCalls.retryAt(header.apply("Retry-After"), rateLimit(header, now), now).orElse(now);
  }

  /** {@code at://{did}/app.bsky.feed.post/{rkey}} → {@code https://bsky.app/profile/{handle}/post/{rkey}}. */
  public static String permalink(String atUri, String handleOrDid) {
    String rkey = atUri.substring(atUri.lastIndexOf('/') + 1);
    return "https://bsky.app/profile/" + handleOrDid + "/post/" + rkey;
  }

  private static Item item(JsonNode n, JsonNode record) {
    String uri = text(n, "uri");
    JsonNode author = n.path("author");
    String did = text(author, "did");
    String handle = author.path("handle").asText(did);
    Instant indexedAt = instant(text(n, "indexedAt"));
    Instant stated = record.hasNonNull("createdAt") ? lenient(record.get("createdAt").asText(), indexedAt) : indexedAt;
    JsonNode reply = record.path("reply");
    Optional<String> parent = optional(reply.path("parent").path("uri"));
    Optional<String> root = optional(reply.path("root").path("uri"));
    List<String> mentioned = new ArrayList<>();
    for (JsonNode facet : record.path("facets")) {
      for (JsonNode feature : facet.path("features")) {
        if (feature.path("$type").asText().endsWith("#mention") && feature.hasNonNull("did")) {
          mentioned.add(feature.get("did").asText());
        }
      }
    }
    Optional<String> lang = optional(record.path("langs").path(0));
    Post post = new Post(Platform.BLUESKY, uri, did, handle, record.path("text").asText("").strip(), stated,
        parent, Optional.of(root.orElse(uri)), permalink(uri, handle), lang)
        .at(ClaimedTime.believe(stated, indexedAt));
    JsonNode embed = record.path("embed");
    Optional<String> quoted = optional(embed.path("record").path("uri"))
        .or(() -> optional(embed.path("record").path("record").path("uri")));
    return new Item(post, indexedAt, List.copyOf(mentioned), quoted);
  }

  private static Optional<String> cursor(JsonNode root) {
    return optional(root.path("cursor"));
  }

  private static Optional<String> optional(JsonNode v) {
    return v.isValueNode() && !v.isNull() && !v.asText().isEmpty() ? Optional.of(v.asText()) : Optional.empty();
  }

  private static JsonNode object(String body) {
    JsonNode root = WireJson.read(PLATFORM, body);
    if (!root.isObject()) {
      throw malformed("expected a JSON object");
    }
    return root;
  }

  private static JsonNode requireArray(JsonNode root, String field) {
    JsonNode a = root.get(field);
    if (a == null || !a.isArray()) {
      throw malformed("missing array '" + field + "'");
    }
    return a;
  }

  private static String text(JsonNode n, String field) {
    return WireJson.require(PLATFORM, n, field);
  }

  private static Instant instant(String s) {
    return WireJson.instant(PLATFORM, s);
  }

  /** {@code createdAt} is written by the client app and may be odd; the index time stands in when it is. */
  private static Instant lenient(String s, Instant fallback) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }

  private static PollException malformed(String what) {
    return WireJson.malformed(PLATFORM, what);
  }
}
