package io.replywatch.ingest.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import io.replywatch.config.Platform;
import io.replywatch.ingest.ClaimedTime;
import io.replywatch.ingest.Html;
import io.replywatch.ingest.Paging.Page;
import io.replywatch.ingest.PollException;
import io.replywatch.ingest.Post;
import io.replywatch.ingest.RateLimit;
import io.replywatch.ingest.Rejected;
import io.replywatch.ingest.WireJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Mastodon's wire format (social-apis.md §2) to our {@link Post}s, with no I/O: notifications of type mention,
 * account statuses, rate-limit headers and error bodies. Tolerant where the document says servers differ. A page
 * that is not a JSON array (or object, for search) is malformed; an entry in it that cannot be read is set aside
 * ({@link Rejected}) and the others are read.
 */
public final class MastodonParser {
  private static final String PLATFORM = "Mastodon";

  /**
   * One notification: its own id is the polling cursor, its status the mention; empty for another type (a
   * favourite, a follow), a mention without its status, or one whose status was set aside. Those are kept, not
   * dropped, so paging counts and moves past them: a server that ignores {@code types[]} (Mastodon before 3.5) can
   * send a full page of favourites, and dropping it left the cursor where it was, reading that same page every
   * cycle and no mention after it.
   *
   * @param createdAt the status's time for a mention, else the notification's (Instant.MAX when unreadable)
   */
  public record Notification(String id, Instant createdAt, Optional<Post> status) {}

  /** A search hit and the account ids it mentions: hits that mention the brand already came as notifications. */
  public record Found(Post post, List<String> mentionedAccountIds) {}

  private MastodonParser() {}

  /** Parses a {@code /api/v2/search?type=statuses} answer: {@code {"accounts":[],"statuses":[…],"hashtags":[]}}. */
  public static Page<Found> searchStatuses(String body) {
    JsonNode root = WireJson.read(PLATFORM, body);
    JsonNode statuses = root.get("statuses");
    if (statuses == null || !statuses.isArray()) {
      throw malformed("expected an object with a 'statuses' array");
    }
    List<Found> out = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    for (JsonNode s : statuses) {
      WireJson.item(s, MastodonParser::found, MastodonParser::idOf, rejected).ifPresent(out::add);
    }
    return new Page<>(out, rejected, statuses.size());
  }

  private static Found found(JsonNode s) {
    return new Found(status(s), mentioned(s));
  }

  private static List<String> mentioned(JsonNode s) {
    List<String> mentioned = new ArrayList<>();
    s.path("mentions").forEach(m -> mentioned.add(m.path("id").asText()));
    return List.copyOf(mentioned);
  }

  /**
   * One entry set aside earlier from the poller's {@code endpoint}, read again at its start as its page's parser
   * reads it: a notification's status ({@code notifications}, empty for another type or one without a status), a
   * search hit ({@code search:<keyword>}), a status of the brand's ({@code statuses}, empty for a reblog). Throws
   * when it still cannot be read.
   */
  public static Optional<Found> stored(String endpoint, JsonNode item) {
    if (endpoint.equals("notifications")) {
      return notification(item).status().map(p -> new Found(p, mentioned(item.path("status"))));
    }
    if (endpoint.equals("statuses")) {
      return item.hasNonNull("reblog") ? Optional.empty() : Optional.of(found(item));
    }
    if (endpoint.startsWith("search:")) {
      return Optional.of(found(item));
    }
    throw new IllegalArgumentException("no Mastodon endpoint '" + endpoint + "'");
  }

  /**
   * Parses a notifications page, every entry; only mentions with a status carry one (see {@link Notification}). A
   * mention whose status cannot be read is set aside and kept as an entry without one, so its id still moves the
   * cursor; an entry without a readable id is set aside alone, and its neighbours' ids move the cursor.
   */
  public static Page<Notification> notifications(String body) {
    JsonNode entries = array(body);
    List<Notification> out = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    for (JsonNode n : entries) {
      Optional<Notification> read = WireJson.item(n, MastodonParser::notification, MastodonParser::idOf, rejected);
      if (read.isPresent()) {
        out.add(read.get());
      } else {
        idOf(n).ifPresent(id -> out.add(new Notification(id, notifiedAt(n), Optional.empty())));
      }
    }
    return new Page<>(out, rejected, entries.size());
  }

  private static Notification notification(JsonNode n) {
    JsonNode status = n.get("status");
    String id = requireText(n, "id");
    if (!"mention".equals(n.path("type").asText()) || status == null || !status.isObject()) {
      return new Notification(id, notifiedAt(n), Optional.empty());
    }
    Post post = status(status);
    // The notification is made when the brand's server receives the mention; the status's created_at is what its
    // origin server states, so a remote server can backdate it.
    Instant received = notifiedAt(n);
    if (!received.equals(Instant.MAX)) {
      post = post.at(ClaimedTime.believe(post.createdAt(), received));
    }
    return new Notification(id, post.createdAt(), Optional.of(post));
  }

  /** The {@code id} of a notification or status, for an entry set aside; the notification's own for a notification. */
  private static Optional<String> idOf(JsonNode entry) {
    return WireJson.text(entry, "id");
  }

  private static Instant notifiedAt(JsonNode n) {
    try {
      return Instant.parse(n.path("created_at").asText(""));
    } catch (java.time.format.DateTimeParseException e) {
      return Instant.MAX; // unknown: inside any backfill window, so a backfill reads on past it
    }
  }

  /**
   * Parses an account's statuses page (the brand's own posts, for reply detection). A status that cannot be read is
   * set aside like a mention: a reply in it is then not seen, and its episode stays open until answered again or
   * closed by hand.
   */
  public static Page<Post> statuses(String body) {
    JsonNode entries = array(body);
    List<Post> out = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    for (JsonNode s : entries) {
      if (!s.hasNonNull("reblog")) {
        WireJson.item(s, MastodonParser::status, MastodonParser::idOf, rejected).ifPresent(out::add);
      }
    }
    return new Page<>(out, rejected, entries.size());
  }

  static Post status(JsonNode s) {
    JsonNode account = s.path("account");
    String text = Html.toText(s.path("content").asText(""));
    String spoiler = s.path("spoiler_text").asText("");
    if (!spoiler.isBlank()) {
      text = spoiler.strip() + "\n" + text;
    }
    String url = s.hasNonNull("url") ? s.get("url").asText() : s.path("uri").asText("");
    return new Post(
        Platform.MASTODON,
        requireText(s, "id"),
        requireText(account, "id"),
        account.path("acct").asText(account.path("username").asText("")),
        text,
        WireJson.instant(PLATFORM, requireText(s, "created_at")),
        WireJson.text(s, "in_reply_to_id"),
        Optional.empty(),
        url,
        WireJson.text(s, "language"));
  }

  /**
   * Reads {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset}: an ISO-8601 timestamp on Mastodon, an
   * integer epoch on some forks (GoToSocial); both are accepted.
   */
  public static RateLimit rateLimit(Function<String, String> header, Instant now) {
    OptionalInt remaining = OptionalInt.empty();
    String r = header.apply("X-RateLimit-Remaining");
    if (r != null) {
      try {
        remaining = OptionalInt.of(Integer.parseInt(r.trim()));
      } catch (NumberFormatException ignored) {
        // An unreadable header is no information, not an error.
      }
    }
    Instant reset = now;
    String s = header.apply("X-RateLimit-Reset");
    if (s != null) {
      try {
        reset = s.trim().matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(s.trim())) : Instant.parse(s.trim());
      } catch (java.time.DateTimeException | NumberFormatException ignored) {
        // DateTimeException, not only its parse subclass: an epoch past Instant's range threw past this catch.
        reset = now;
      }
    }
    return new RateLimit(remaining, reset);
  }

  /** The {@code error} of a JSON error body, or a note that the body was not JSON (an HTML 503 page). */
  public static String errorMessage(String body) {
    JsonNode n = WireJson.readOrNull(body);
    return n != null && n.hasNonNull("error") ? n.get("error").asText() : "non-JSON error body";
  }

  private static JsonNode array(String body) {
    JsonNode root = WireJson.read(PLATFORM, body);
    if (!root.isArray()) {
      throw malformed("expected a JSON array");
    }
    return root;
  }

  private static String requireText(JsonNode n, String field) {
    return WireJson.require(PLATFORM, n, field);
  }

  private static PollException malformed(String what) {
    return WireJson.malformed(PLATFORM, what);
  }
}
