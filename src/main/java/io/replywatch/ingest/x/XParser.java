package io.replywatch.ingest.x;

import com.fasterxml.jackson.databind.JsonNode;
import io.replywatch.config.Platform;
import io.replywatch.ingest.Html;
import io.replywatch.ingest.Ids;
import io.replywatch.ingest.PollException;
import io.replywatch.ingest.Post;
import io.replywatch.ingest.RateLimit;
import io.replywatch.ingest.Rejected;
import io.replywatch.ingest.WireJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * X API v2's wire format (social-apis.md §1) to our {@link Post}s, with no I/O: tweet pages with the
 * {@code includes.users} expansion for handles, {@code referenced_tweets} replied_to for reply detection,
 * {@code meta.newest_id}/{@code next_token} for paging, {@code x-rate-limit-*} headers and problem+json errors.
 *
 * <p>Edits: X gives each edit of a tweet a new id (so it passes {@code since_id} and reads as a new tweet) and lists
 * the chain in {@code edit_history_tweet_ids}, the original first; timelines and search return only the latest
 * version. A {@link Post} is keyed by the original's id and carries the latest text, so an edit is the same post
 * as its original everywhere downstream: the poller's handed-on ids, the tracker's known posts and episodes, and
 * the stored mention key ({@code x-<original id>}) all drop or merge it instead of opening a second episode. Two
 * things stay on the wire id: the cursor (the next {@code since_id} is the newest id seen, an edit's included, or
 * the edit would be read again every cycle) and the permalink (the version whose text we quote). A reply names the
 * version it answered, often an edit; its {@code replied_to} id is mapped to that version's original through the
 * {@code referenced_tweets.id} expansion ({@code includes.tweets}, which carry their own edit history), so a brand
 * reply to an edited complaint still finds the episode. Without the expansion the id is kept as sent.
 */
public final class XParser {
  /**
   * One page: tweets newest first, the newest id (the next {@code since_id}), the oldest id (the {@code until_id}
   * of what is older than the page), the token for older tweets, and the tweets set aside because they cannot be
   * read. Both ids are wire ids (an edit's own id): X's {@code meta} ids where it sends them, else those of every
   * tweet with a readable id, so a tweet set aside is passed by its own id or by its neighbours'.
   */
  public record Page(List<Post> posts, Optional<String> newestId, Optional<String> oldestId,
      Optional<String> nextToken, List<Rejected> rejected) {

    /** Whether X sent any tweet, read or set aside: an empty page ends a walk even with a token. */
    public boolean hasTweets() {
      return !posts.isEmpty() || !rejected.isEmpty();
    }
  }

  /** X's snowflake epoch, 2010-11-04T01:42:54.657Z. */
  private static final long SNOWFLAKE_EPOCH_MS = 1288834974657L;

  private XParser() {}

  /**
   * When the tweet with this id was created, by X's snowflake rule: the bits above the lowest 22 count milliseconds
   * since X's epoch. It tells how far back an unread range of ids reaches. Empty for an id that is no snowflake.
   */
  public static Optional<Instant> idTime(String id) {
    try {
      long n = Long.parseLong(id.trim());
      return n < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli((n >> 22) + SNOWFLAKE_EPOCH_MS));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Parses a tweets page (mentions, search or user timeline). The empty page is {@code {"meta":{"result_count":0}}}. */
  public static Page page(String body) {
    JsonNode root = WireJson.read("X", body);
    if (root.isObject() && !root.has("meta") && !root.has("data") && root.path("errors").size() > 0) {
      // X answers 200 with only an errors array when the resource itself is gone (a suspended or deleted user
      // id): say what X said, rather than call the page malformed.
      JsonNode e = root.path("errors").path(0);
      String title = e.path("title").asText(""), detail = e.path("detail").asText(e.path("message").asText(""));
      throw new PollException(PollException.Kind.REJECTED, "X answered 200 with errors only: "
          + title + (title.isEmpty() || detail.isEmpty() ? "" : ": ") + detail, Optional.empty());
    }
    if (!root.isObject() || !root.has("meta") && !root.has("data")) {
      throw malformed("expected an object with data/meta");
    }
    Map<String, String> handles = new HashMap<>();
    for (JsonNode u : root.path("includes").path("users")) {
      handles.put(u.path("id").asText(), u.path("username").asText(""));
    }
    Map<String, String> originals = new HashMap<>();
    for (JsonNode t : root.path("includes").path("tweets")) {
      text(t, "id").ifPresent(id -> originals.put(id, originalId(t, id)));
    }
    List<Post> posts = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    JsonNode data = root.path("data");
    if (!data.isMissingNode() && !data.isArray()) {
      throw malformed("data is not an array");
    }
    String newest = null;
    String oldest = null;
    for (JsonNode t : data) {
      WireJson.item(t, x -> tweet(x, handles, originals), x -> text(x, "id"), rejected).ifPresent(posts::add);
      // The wire id, not the post's: an edit's new id is what since_id must move past. A tweet set aside with a
      // readable id counts too, so the cursor moves past it.
      String id = text(t, "id").orElse(null);
      newest = Ids.max(newest, id);
      oldest = Ids.min(oldest, id);
    }
    final String newestSeen = newest;
    final String oldestSeen = oldest;
    JsonNode meta = root.path("meta");
    Optional<String> newestId = text(meta, "newest_id").or(() -> Optional.ofNullable(newestSeen));
    Optional<String> oldestId = text(meta, "oldest_id").or(() -> Optional.ofNullable(oldestSeen));
    return new Page(posts, newestId, oldestId, text(meta, "next_token"), rejected);
  }

  /** The poller's endpoints, each a list of tweets: mentions, keyword search, the brand's own. */
  private static final Set<String> ENDPOINTS = Set.of("mentions", "search", "tweets");

  /**
   * One tweet set aside earlier from {@code endpoint}, read again at a poller's start. It was kept alone, without
   * its page's {@code includes}: with no {@code includes.users} its author's handle is unknown, so the author id
   * stands in for it (as a Bluesky author's DID does for a missing handle: an id that names the author, where an
   * empty handle names no one) and the permalink is the handle-free {@code /i/web/status/} form; with no
   * {@code includes.tweets}, a reply to an edited tweet names the version it answered, as the page parser does
   * without that expansion. Throws as {@link #page} would set it aside when it still cannot be read.
   */
  public static Post stored(String endpoint, JsonNode item) {
    if (!ENDPOINTS.contains(endpoint)) {
      throw new IllegalArgumentException("no X endpoint '" + endpoint + "'");
    }
    Post p = tweet(item, Map.of(), Map.of());
    return new Post(p.platform(), p.id(), p.authorId(), p.authorId(), p.text(), p.createdAt(), p.inReplyToId(),
        p.conversationId(), p.permalink(), p.language());
  }

  static Post tweet(JsonNode t, Map<String, String> handles, Map<String, String> originals) {
    String version = require(t, "id");
    String id = originalId(t, version);
    String author = require(t, "author_id");
    String handle = handles.getOrDefault(author, "");
    Optional<String> repliedTo = Optional.empty();
    for (JsonNode ref : t.path("referenced_tweets")) {
      if ("replied_to".equals(ref.path("type").asText())) {
        repliedTo = text(ref, "id").map(r -> originals.getOrDefault(r, r));
      }
    }
    String permalink = handle.isEmpty()
        ? "https://twitter.com/i/web/status/" + version
        : "https://x.com/" + handle + "/status/" + version;
    return new Post(Platform.X, id, author, handle, Html.decodeEntities(t.path("text").asText("")),
        WireJson.instant("X", require(t, "created_at")), repliedTo, text(t, "conversation_id"), permalink,
        text(t, "lang").filter(l -> !l.equals("und") && !l.equals("zxx") && !l.equals("qme")));
  }

  /** The first id of {@code edit_history_tweet_ids}: the original of an edited tweet, else the tweet itself. */
  private static String originalId(JsonNode t, String id) {
    JsonNode first = t.path("edit_history_tweet_ids").path(0);
    return first.isValueNode() && !first.asText().isEmpty() ? first.asText() : id;
  }

  /** X's rate-limit windows, by header prefix: the endpoint's 15 minutes, then the app's and the user's day. */
  private static final List<String> WINDOWS = List.of("x-rate-limit-", "x-app-limit-24hour-",
      "x-user-limit-24hour-");

  /**
   * Reads {@code x-rate-limit-remaining} and {@code -reset} (UTC epoch seconds), and where X adds them the 24-hour
   * app and user caps ({@code x-app-limit-24hour-*}, {@code x-user-limit-24hour-*}). Of the windows present, the one
   * that binds is returned: the one that allows the fewest requests per second until its reset. A spent daily
   * cap therefore holds the poller until the next day instead of letting it earn a 429 every 15 minutes, and a
   * nearly spent one spreads the polls over the rest of the day.
   */
  public static RateLimit rateLimit(Function<String, String> header, Instant now) {
    RateLimit binding = null;
    for (String prefix : WINDOWS) {
      RateLimit w = window(header, prefix, now);
      if (w != null && (binding == null || secondsPerRequest(w, now) > secondsPerRequest(binding, now))) {
        binding = w;
      }
    }
    return binding != null ? binding : RateLimit.unknown(now);
  }

  private static RateLimit window(Function<String, String> header, String prefix, Instant now) {
    OptionalInt remaining = OptionalInt.empty();
    Instant reset = now;
    try {
      String r = header.apply(prefix + "remaining");
      if (r != null) {
        remaining = OptionalInt.of(Integer.parseInt(r.trim()));
      }
      String s = header.apply(prefix + "reset");
      if (s != null) {
        reset = Instant.ofEpochSecond(Long.parseLong(s.trim()));
      }
    } catch (NumberFormatException | java.time.DateTimeException ignored) {
      // An unreadable header is no information, not an error. A number past Instant's range (a proxy's garbage)
      // threw DateTimeException here, which failed a 200 page and, on every poll, left the source failing.
    }
    return remaining.isEmpty() && reset.equals(now) ? null : new RateLimit(remaining, reset);
  }

  /**
   * How long each remaining request must last for the window to reach its reset; 0 when the count is unknown. A
   * spent window counts as half a request left, so it binds over any window with requests left.
   */
  private static double secondsPerRequest(RateLimit w, Instant now) {
    if (w.remaining().isEmpty()) {
      return 0;
    }
    return Math.max(1, Duration.between(now, w.reset()).getSeconds()) / Math.max(0.5, w.remaining().getAsInt());
  }

  /**
   * The text of an error body: problem+json {@code title: detail}, the v1.1 form {@code errors[0].message}, or a
   * note that the body was not JSON.
   */
  public static String errorMessage(String body) {
    JsonNode n = WireJson.readOrNull(body);
    if (n != null && n.hasNonNull("title")) {
      String detail = n.path("detail").asText("");
      return n.get("title").asText() + (detail.isEmpty() || detail.equals(n.get("title").asText()) ? "" : ": " + detail);
    }
    if (n != null && n.path("errors").path(0).hasNonNull("message")) {
      return n.path("errors").path(0).get("message").asText();
    }
    return "non-JSON error body";
  }

  private static String require(JsonNode n, String field) {
    return WireJson.require("X", n, field);
  }

  private static Optional<String> text(JsonNode n, String field) {
    return WireJson.text(n, field);
  }

  private static PollException malformed(String what) {
    return WireJson.malformed("X", what);
  }
}
