package io.replywatch.notify;

import io.replywatch.text.Text;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP half shared by the JSON channels (PagerDuty, Alertmanager, Teams, webhook): one POST with an explicit
 * timeout, the status judged by {@link RetryPolicy}, {@code Retry-After} honoured, and every failure turned into a
 * {@link DeliveryException} whose message names the channel and status but never the URL or a secret. Vert.x's own
 * exception messages are never passed on, because they quote the request path (where webhook secrets live).
 *
 * <p>Holds its {@link WebClient} in a field for its whole life: Vert.x 5 closes clients nothing references.
 */
public final class JsonPoster {

  private static final Logger LOG = LoggerFactory.getLogger(JsonPoster.class);
  private static final int MAX_REASON_CHARS = 200;

  private final String channel;
  private final WebClient client;
  private final long timeoutMillis;
  private final Clock clock;
  private final List<String> secrets;

  /**
   * @param channel the channel name used in messages and logs
   * @param timeout how long to wait for the receiver (connect, and then for each piece of its answer); a
   *     receiver that stalls fails as a recoverable timeout
   * @param secrets strings redacted from anything the receiver echoes back (routing keys, URLs)
   */
  public JsonPoster(Vertx vertx, String channel, Duration timeout, Clock clock, List<String> secrets) {
    this.channel = Objects.requireNonNull(channel);
    this.timeoutMillis = timeout.toMillis();
    this.clock = clock;
    this.secrets = secrets.stream().filter(s -> s != null && !s.isEmpty())
        .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setUserAgent("replywatch")
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis)));
  }

  /** POSTs {@code body} as JSON to {@code url}; succeeds on any 2xx. */
  public Future<Void> post(String url, Buffer body) {
    try {
      HttpRequest<Buffer> request = client.postAbs(withoutUserInfo(url))
          .timeout(timeoutMillis)
          .putHeader("Content-Type", "application/json");
      basicAuth(url).ifPresent(auth -> request.putHeader("Authorization", auth));
      return request.sendBuffer(body)
          .transform(ar -> ar.succeeded() ? judge(ar.result()) : Future.failedFuture(failure(ar.cause())));
    } catch (RuntimeException e) {
      // Vert.x rejects a malformed URL synchronously, quoting it: never let that message out
      return Future.failedFuture(new DeliveryException(channel + ": URL rejected (" + e.getClass().getSimpleName()
          + ")", false, Optional.empty()));
    }
  }

  /** {@code http://user:pw@host/...} becomes {@code http://host/...}: Vert.x does not turn user info into auth. */
  static String withoutUserInfo(String url) {
    try {
      String userInfo = new URI(url).getRawUserInfo();
      return userInfo == null ? url : url.replaceFirst("//" + Pattern.quote(userInfo) + "@", "//");
    } catch (URISyntaxException e) {
      return url;
    }
  }

  /** HTTP basic auth from the URL's user info (an Alertmanager behind basic auth), if any. */
  static Optional<String> basicAuth(String url) {
    try {
      String userInfo = new URI(url).getUserInfo();
      return userInfo == null ? Optional.empty() : Optional.of("Basic "
          + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /**
   * Checks at start-up that a configured URL is an absolute http(s) URL, failing with a message that names the
   * channel and what is wrong but not the URL itself.
   */
  public static String requireHttpUrl(String channel, String what, String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(channel + ": " + what + " is empty");
    }
    try {
      URI uri = new URI(url);
      if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          || uri.getHost() == null) {
        throw new IllegalArgumentException(channel + ": " + what + " is not an absolute http(s) URL");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(channel + ": " + what + " is not a valid URL");
    }
    return url;
  }

  private Future<Void> judge(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    switch (RetryPolicy.check(status)) {
      case DELIVERED:
        LOG.debug("{}: delivered, status {}", channel, status);
        return Future.succeededFuture();
      case RETRY:
        Optional<Duration> retryAfter = RetryAfter.parse(response.getHeader("Retry-After"), clock.instant());
        LOG.warn("{}: receiver answered {}, will retry (retry-after {})", channel, status,
            retryAfter.map(Duration::toString).orElse("none"));
        return Future.failedFuture(new DeliveryException(message(status, response), true, retryAfter, status == 429));
      default:
        LOG.warn("{}: receiver answered {}, giving up: {}", channel, status, reason(response));
        return Future.failedFuture(new DeliveryException(message(status, response), false, Optional.empty()));
    }
  }

  private DeliveryException failure(Throwable cause) {
    String message;
    if (cause instanceof TimeoutException) {
      message = channel + ": no answer within " + timeoutMillis + " ms";
    } else {
      message = channel + ": request failed (" + cause.getClass().getSimpleName() + ")";
    }
    LOG.warn("{}", message);
    return new DeliveryException(message, true, Optional.empty());
  }

  private String message(int status, HttpResponse<Buffer> response) {
    String reason = reason(response);
    return channel + ": receiver answered " + status + (reason.isEmpty() ? "" : " (" + reason + ")");
  }

  /** The receiver's error body, on one line, short, with any secret it might echo removed. */
  private String reason(HttpResponse<Buffer> response) {
    Buffer body = response.body();
    if (body == null || body.length() == 0) {
      return "";
    }
    String text = body.length() > 4 * MAX_REASON_CHARS
        ? body.getString(0, 4 * MAX_REASON_CHARS) : body.toString();
    for (String secret : secrets) {
      text = text.replace(secret, "<redacted>").replace(secret.replace("/", "\\/"), "<redacted>");
    }
    return Text.line(text, MAX_REASON_CHARS);
  }

  /**
   * The parts of a secret URL that a receiver might echo back on their own: the whole URL, its path and query,
   * each query value and each long path segment (webhook tokens and signatures live there).
   */
  public static List<String> urlSecrets(String url) {
    List<String> parts = new ArrayList<>();
    parts.add(url);
    try {
      URI uri = new URI(url);
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      String query = uri.getRawQuery();
      if (query != null) {
        parts.add(path + "?" + query);
        parts.add(query);
        for (String pair : query.split("&")) {
          String value = pair.substring(pair.indexOf('=') + 1);
          if (value.length() >= 8) {
            parts.add(value);
            parts.add(URLDecoder.decode(value, StandardCharsets.UTF_8));
          }
        }
      }
      if (path.length() > 1) {
        parts.add(path);
      }
      for (String segment : path.split("/")) {
        if (segment.length() >= 16) {
          parts.add(segment);
        }
      }
      if (uri.getRawUserInfo() != null) {
        parts.add(uri.getRawUserInfo());
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      // not a URL we can take apart: the whole string is still redacted
    }
    parts.sort(Comparator.comparingInt(String::length).reversed());
    return parts;
  }

  /** Releases the connection pool; the notifier is unusable afterwards. */
  public void close() {
    client.close();
  }
}
