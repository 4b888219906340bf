package io.replywatch.ingest.reddit;

import com.fasterxml.jackson.databind.JsonNode;
import io.replywatch.config.Platform;
import io.replywatch.ingest.Html;
import io.replywatch.ingest.PollException;
import io.replywatch.ingest.Post;
import io.replywatch.ingest.RateLimit;
import io.replywatch.ingest.Rejected;
import io.replywatch.ingest.WireJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reddit's wire format (social-apis.md §4) to our {@link Post}s, with no I/O: Listing envelopes of comments
 * ({@code t1}) and posts ({@code t3}), inbox mentions that carry {@code context} instead of a permalink,
 * {@code x-ratelimit-*} headers (remaining a float, reset in seconds from now), JSON and HTML error bodies, and
 * the token endpoint's answer. Post ids are fullnames, because a reply's {@code parent_id} is one. An answer that is
 * not a Listing is a malformed page; a comment or post in it that cannot be read (no {@code id}, no
 * {@code created_utc}) is set aside ({@link Rejected}) and the others are read.
 */
public final class RedditParser {
  private static final Pattern COMMENTS = Pattern.compile("/comments/([a-z0-9]+)/");
  private static final String SITE = "https://www.reddit.com";
  /** Inbox comment types that are mentions: a {@code u/brand}, and a reply to the brand's comment or post. */
  private static final Set<String> INBOX_TYPES = Set.of("username_mention", "comment_reply", "post_reply");

  /**
   * One Listing page: items newest first, the fullnames of its neighbours ({@code null} on the wire = none), and
   * the items set aside. Paging goes by {@code after} and the items' ids, so an item set aside changes neither.
   */
  public record Listing(List<Post> posts, Optional<String> before, Optional<String> after, List<Rejected> rejected) {}

  /** An OAuth access token and how long it lives. */
  public record Token(String accessToken, long expiresInSeconds) {}

  private RedditParser() {}

  /** Parses a Listing; entries other than comments and posts (private messages, {@code t4}) are skipped. */
  public static Listing listing(String body) {
    return listing(body, thing -> true);
  }

  /**
   * Parses an inbox Listing ({@code /message/inbox}, social-apis.md §4.1): the comments that mention the brand or
   * answer one of its comments or posts. Private messages ({@code t4}) and any other inbox type are not mentions.
   */
  public static Listing inbox(String body) {
    return listing(body, d -> INBOX_TYPES.contains(d.path("type").asText()));
  }

  private static Listing listing(String body, Predicate<JsonNode> keep) {
    JsonNode root = json(body);
    JsonNode data = root.path("data");
    if (!"Listing".equals(root.path("kind").asText()) || !data.path("children").isArray()) {
      throw malformed("expected a Listing");
    }
    List<Post> posts = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    for (JsonNode child : data.get("children")) {
      String kind = child.path("kind").asText();
      if ((kind.equals("t1") || kind.equals("t3")) && keep.test(child.path("data"))) {
        WireJson.item(child, c -> thing(kind, c.path("data")), c -> fullname(kind, c.path("data")), rejected)
            .ifPresent(posts::add);
      }
    }
    return new Listing(posts, text(data, "before"), text(data, "after"), rejected);
  }

  /**
   * One thing set aside earlier from the poller's {@code endpoint}, read again at its start as its listing's parser
   * reads it: an inbox comment ({@code mentions}; empty for a type that is no mention), a search hit
   * ({@code search}), a subreddit's comment ({@code comments:r/<sub>}), one of the brand's ({@code comments}). Throws
   * when it still cannot be read.
   */
  public static Optional<Post> stored(String endpoint, JsonNode child) {
    if (!List.of("mentions", "search", "comments").contains(endpoint) && !endpoint.startsWith("comments:r/")) {
      throw new IllegalArgumentException("no Reddit endpoint '" + endpoint + "'");
    }
    String kind = child.path("kind").asText();
    JsonNode d = child.path("data");
    boolean thing = kind.equals("t1") || kind.equals("t3");
    boolean kept = !endpoint.equals("mentions") || INBOX_TYPES.contains(d.path("type").asText());
    return thing && kept ? Optional.of(thing(kind, d)) : Optional.empty();
  }

  /** An item's fullname ({@code t1_…}), as {@link #thing} names the post, for an item set aside. */
  private static Optional<String> fullname(String kind, JsonNode d) {
    return text(d, "name").or(() -> text(d, "id").map(id -> kind + "_" + id));
  }

  static Post thing(String kind, JsonNode d) {
    String id = require(d, "id");
    String name = text(d, "name").orElse(kind + "_" + id);
    String author = d.path("author").asText("[deleted]");
    String text = kind.equals("t3")
        ? (d.path("title").asText("") + "\n" + d.path("selftext").asText("")).strip()
        : d.path("body").asText("");
    Optional<String> context = text(d, "context");
    String path = text(d, "permalink").or(() -> context).orElse("/comments/" + id + "/");
    Optional<String> conversation = kind.equals("t3") ? Optional.of(name)
        : text(d, "link_id").or(() -> context.flatMap(RedditParser::linkOf))
            .or(() -> text(d, "parent_id").filter(p -> p.startsWith("t3_")));
    return new Post(Platform.REDDIT, name, text(d, "author_fullname").orElse(author), author,
        Html.decodeEntities(text), createdUtc(d), kind.equals("t1") ? text(d, "parent_id") : Optional.empty(),
        conversation, SITE + stripQuery(path), Optional.empty());
  }

  /** The post ({@code t3_…}) an inbox item's {@code context} path points into. */
  static Optional<String> linkOf(String context) {
    Matcher m = COMMENTS.matcher(context);
    return m.find() ? Optional.of("t3_" + m.group(1)) : Optional.empty();
  }

  /**
   * Reads {@code x-ratelimit-remaining} (a float string such as {@code 599.0}) and {@code x-ratelimit-reset}
   * (seconds until the window ends, possibly fractional; relative, not epoch).
   */
  public static RateLimit rateLimit(Function<String, String> header, Instant now) {
    OptionalInt remaining = OptionalInt.empty();
    Instant reset = now;
    try {
      String r = header.apply("x-ratelimit-remaining");
      if (r != null) {
        remaining = OptionalInt.of((int) Math.floor(Double.parseDouble(r.trim())));
      }
      String s = header.apply("x-ratelimit-reset");
      if (s != null) {
        reset = now.plusMillis((long) Math.ceil(Double.parseDouble(s.trim()) * 1000));
      }
    } catch (NumberFormatException ignored) {
      // An unreadable header is no information, not an error.
    }
    return new RateLimit(remaining, reset);
  }

  /**
   * The {@code message} of {@code {"message": "…", "error": 429}} with a 403's {@code reason} ({@code private},
   * {@code banned}) after it, or a note that the body was not JSON.
   */
  public static String errorMessage(String body) {
    JsonNode n = WireJson.readOrNull(body);
    if (n != null && n.hasNonNull("message")) {
      return n.get("message").asText() + (n.hasNonNull("reason") ? ": " + n.get("reason").asText() : "");
    }
    if (n != null && n.hasNonNull("error")) {
      return "error " + n.get("error").asText();
    }
    return "non-JSON error body"; // an HTML "whoa there, pardner!" page
  }

  /** Parses the token endpoint's answer; an {@code error} field means the grant was refused. */
  public static Token token(String body) {
    JsonNode n = json(body);
    if (!n.hasNonNull("access_token")) {
      throw new PollException(PollException.Kind.AUTH, "Reddit token endpoint refused the grant: "
          + n.path("error").asText("no access_token"), Optional.empty());
    }
    return new Token(n.get("access_token").asText(), n.path("expires_in").asLong(3600));
  }

  /** 9999-12-31T23:59:59Z, the last second an ISO timestamp of the other platforms can name. */
  private static final BigDecimal LAST_SECOND = BigDecimal.valueOf(253_402_300_799L);

  private static Instant createdUtc(JsonNode d) {
    JsonNode v = d.get("created_utc");
    if (v == null || !v.isNumber()) {
      throw malformed("missing created_utc");
    }
    BigDecimal seconds = new BigDecimal(v.asText());
    // Checked before longValue(), which keeps only the low 64 bits of a huge number: 1e300 would become some date.
    if (seconds.signum() < 0 || seconds.compareTo(LAST_SECOND) > 0) {
      throw malformed("created_utc out of range: " + v.asText());
    }
    long whole = seconds.longValue();
    int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
    return Instant.ofEpochSecond(whole, nanos);
  }

  private static String stripQuery(String path) {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  private static JsonNode json(String body) {
    JsonNode root = WireJson.read("Reddit", body);
    if (!root.isObject()) {
      throw malformed("expected a JSON object");
    }
    return root;
  }

  private static String require(JsonNode n, String field) {
    return WireJson.require("Reddit", n, field);
  }

  private static Optional<String> text(JsonNode n, String field) {
    return WireJson.text(n, field);
  }

  private static PollException malformed(String what) {
    return WireJson.malformed("Reddit", what);
  }
}
