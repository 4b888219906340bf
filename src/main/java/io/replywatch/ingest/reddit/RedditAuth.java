package io.replywatch.ingest.reddit;

import io.replywatch.config.Secret;
import io.replywatch.ingest.ApiCalls;
import io.replywatch.ingest.PollException;
import io.replywatch.ingest.PollException.Kind;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Holds a Reddit OAuth access token and gets a new one from the token endpoint before it expires or when the API
 * says it is invalid (social-apis.md §4 Auth). The account's {@code token} is {@code clientId:secret} (grant
 * {@code client_credentials}), {@code clientId:secret:refreshToken} (grant {@code refresh_token}, needed for the
 * inbox), or a bare access token that cannot be refreshed. No part of it ever reaches a log or message.
 */
final class RedditAuth {
  private static final long EARLY_S = 60;

  private final WebClient client;
  private final String tokenUrl;
  private final String clientId;
  private final String clientSecret;
  private final String refreshToken;
  private final Clock clock;
  private String accessToken;
  private Instant expiresAt = Instant.MIN;

  RedditAuth(WebClient client, String tokenUrl, Secret credentials, Clock clock) {
    this.client = client;
    this.tokenUrl = tokenUrl;
    this.clock = clock;
    String[] parts = credentials.reveal() == null ? new String[] {""} : credentials.reveal().split(":", 3);
    if (parts.length == 1) {
      this.clientId = null;
      this.clientSecret = null;
      this.refreshToken = null;
      this.accessToken = parts[0];
      this.expiresAt = Instant.MAX;
    } else {
      this.clientId = parts[0];
      this.clientSecret = parts[1];
      this.refreshToken = parts.length == 3 && !parts[2].isEmpty() ? parts[2] : null;
    }
  }

  /** The token endpoint: www.reddit.com for the real API, the same host otherwise (simulators, proxies). */
  static String tokenUrl(String baseUrl) {
    return baseUrl.matches("https://oauth\\.reddit\\.com/?")
        ? "https://www.reddit.com/api/v1/access_token" : baseUrl + "/api/v1/access_token";
  }

  boolean refreshable() {
    return clientId != null;
  }

  /** Forgets the token, so the next call to {@link #token()} asks for a new one. */
  void invalidate() {
    if (refreshable()) {
      accessToken = null;
      expiresAt = Instant.MIN;
    }
  }

  /** A token valid for at least another minute, fetched if needed. */
  Future<String> token() {
    Instant now = clock.instant();
    if (accessToken != null && now.plusSeconds(EARLY_S).isBefore(expiresAt)) {
      return Future.succeededFuture(accessToken);
    }
    if (!refreshable()) {
      return Future.failedFuture(new PollException(Kind.AUTH, "Reddit access token expired and cannot be refreshed",
          Optional.empty()));
    }
    MultiMap form = MultiMap.caseInsensitiveMultiMap();
    if (refreshToken != null) {
      form.add("grant_type", "refresh_token").add("refresh_token", refreshToken);
    } else {
      form.add("grant_type", "client_credentials");
    }
    return client.postAbs(tokenUrl).basicAuthentication(clientId, clientSecret).timeout(ApiCalls.TIMEOUT_MS)
        .sendForm(form)
        .recover(e -> ApiCalls.<HttpResponse<Buffer>>network("Reddit token request", e))
        .compose(resp -> {
          if (resp.statusCode() != 200) {
            PollException e = ApiCalls.failure(resp, RedditClient.DIALECT, clock.instant());
            // A refused grant is the credentials, never a resource: a 403 here must not pass for a skippable read.
            return Future.failedFuture(resp.statusCode() == 400 || resp.statusCode() == 403
                ? new PollException(Kind.AUTH, "Reddit token endpoint: " + e.getMessage(), Optional.empty()) : e);
          }
          try {
            RedditParser.Token t = RedditParser.token(resp.bodyAsString());
            accessToken = t.accessToken();
            expiresAt = clock.instant().plusSeconds(t.expiresInSeconds());
            return Future.succeededFuture(accessToken);
          } catch (PollException e) {
            return Future.failedFuture(e);
          }
        });
  }
}
