package io.replywatch.ingest.bluesky;

import io.replywatch.config.Secret;
import io.replywatch.ingest.ApiCalls;
import io.replywatch.ingest.ApiPage;
import io.replywatch.ingest.PollException;
import io.replywatch.ingest.bluesky.BlueskyParser.Session;
import io.replywatch.ingest.bluesky.BlueskyParser.XrpcError;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The XRPC calls a Bluesky poller needs, with the session kept between polls (createSession is limited to
 * 30 per 5 minutes: never log in per poll). An expired access token (400 or 401 {@code ExpiredToken}) is
 * refreshed with {@code refreshSession} and the call repeated once; when the refresh token is dead too, it logs in
 * again; when the login itself is refused, the failure is AUTH and the source is blind.
 */
final class BlueskyClient {
  /**
   * After a refused login, how long before the next: createSession allows 300 a day per handle (100 at the
   * entryway). Retrying at every backoff (5 min at most) would spend them all, and a fixed password would then stay
   * locked out for the rest of the day.
   */
  static final Duration LOGIN_PAUSE = Duration.ofMinutes(30);

  private final WebClient client;
  private final String baseUrl;
  private final String identifier;
  private final Secret password;
  private final Clock clock;
  private Session session;
  private Instant loginRefusedAt;
  private String loginRefusal;

  BlueskyClient(WebClient client, String baseUrl, String identifier, Secret password, Clock clock) {
    this.client = client;
    this.baseUrl = baseUrl;
    this.identifier = identifier;
    this.password = password;
    this.clock = clock;
  }

  /** The brand's DID as the PDS reported it at login, once logged in. */
  Optional<String> did() {
    return Optional.ofNullable(session).map(Session::did);
  }

  /** A GET of {@code /xrpc/{nsid}} with a valid session; repeated once after a refresh or a new login. */
  <T> Future<ApiPage<T>> get(String nsid, Map<String, Object> query, Function<String, T> parse) {
    return ensureSession()
        .compose(s -> call(nsid, query, parse, s))
        .recover(e -> {
          if (!(e instanceof Expired expired)) {
            return Future.failedFuture(e);
          }
          // Log in again only when the refresh token is refused too; a 429 or 5xx on refresh stands.
          Future<Session> renewed = expired.refreshable
              ? refresh().recover(r -> r instanceof PollException p
                  && (p.kind() == PollException.Kind.AUTH || p.kind() == PollException.Kind.FORBIDDEN)
                  ? login() : Future.failedFuture(r))
              : login();
          return renewed.compose(s -> call(nsid, query, parse, s));
        });
  }

  private <T> Future<ApiPage<T>> call(String nsid, Map<String, Object> query, Function<String, T> parse, Session s) {
    HttpRequest<Buffer> req = client.getAbs(baseUrl + "/xrpc/" + nsid);
    query.forEach((k, v) -> {
      if (v instanceof Iterable<?> values) {
        values.forEach(x -> req.addQueryParam(k, x.toString()));
      } else if (v != null) {
        req.addQueryParam(k, v.toString());
      }
    });
    return send(req.bearerTokenAuthentication(s.accessJwt()), null).compose(resp -> {
      try {
        return Future.succeededFuture(new ApiPage<>(parse.apply(resp.bodyAsString()),
            BlueskyParser.rateLimit(resp::getHeader, clock.instant())));
      } catch (PollException e) {
        return Future.failedFuture(e);
      }
    });
  }

  private Future<Session> ensureSession() {
    return session != null ? Future.succeededFuture(session) : login();
  }

  private Future<Session> login() {
    session = null;
    if (loginRefusedAt != null && clock.instant().isBefore(loginRefusedAt.plus(LOGIN_PAUSE))) {
      return Future.failedFuture(new PollException(PollException.Kind.AUTH, loginRefusal + " (at " + loginRefusedAt
          + "; next login not before " + loginRefusedAt.plus(LOGIN_PAUSE) + ")", Optional.empty()));
    }
    HttpRequest<Buffer> req = client.postAbs(baseUrl + "/xrpc/com.atproto.server.createSession");
    JsonObject body = new JsonObject().put("identifier", identifier).put("password", password.reveal());
    return send(req, body).map(this::keep).onComplete(done -> {
      if (done.failed() && done.cause() instanceof PollException p && p.kind() == PollException.Kind.AUTH) {
        loginRefusedAt = clock.instant();
        loginRefusal = p.getMessage();
      } else if (done.succeeded()) {
        loginRefusedAt = null;
      }
    });
  }

  private Future<Session> refresh() {
    HttpRequest<Buffer> req = client.postAbs(baseUrl + "/xrpc/com.atproto.server.refreshSession")
        .bearerTokenAuthentication(session == null ? "" : session.refreshJwt());
    return send(req, null).map(this::keep);
  }

  private Session keep(HttpResponse<Buffer> resp) {
    session = BlueskyParser.session(resp.bodyAsString());
    return session;
  }

  /** Sends; a 2xx passes, anything else becomes a classified failure (an {@link Expired} where a refresh helps). */
  private Future<HttpResponse<Buffer>> send(HttpRequest<Buffer> req, JsonObject body) {
    req.timeout(ApiCalls.TIMEOUT_MS);
    Future<HttpResponse<Buffer>> sent = body == null ? req.send() : req.sendJsonObject(body);
    return sent.recover(ApiCalls::network).compose(resp -> {
      int status = resp.statusCode();
      if (status / 100 == 2) {
        return Future.succeededFuture(resp);
      }
      XrpcError error = BlueskyParser.error(resp.bodyAsString());
      String why = error.name() + (error.message().isEmpty() ? "" : ": " + error.message());
      if ((status == 400 || status == 401) && error.name().equals("ExpiredToken")) {
        return Future.failedFuture(new Expired(why, true));
      }
      if (status == 401 && !req.uri().endsWith("createSession")) {
        return Future.failedFuture(new Expired(why, false));
      }
      return Future.failedFuture(ApiCalls.of(status, why,
          Optional.of(BlueskyParser.retryAt(resp::getHeader, clock.instant())), clock.instant()));
    });
  }

  /** The access token is no longer accepted: refresh it (or log in again) and repeat the call once. */
  private static final class Expired extends PollException {
    private final boolean refreshable;

    Expired(String why, boolean refreshable) {
      super(Kind.AUTH, "session rejected: " + why, Optional.empty());
      this.refreshable = refreshable;
    }
  }
}
