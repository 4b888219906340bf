package io.replywatch.simulator.bluesky;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * The simulator's accounts side: one brand login, access tokens that can expire (a refresh cures them),
 * single-use refresh tokens, and a revocable app password. Guarded by the simulator's lock.
 */
final class BlueskySessions {
  /** Why a bearer token was refused, as the PDS names it; null when it is valid. */
  enum Refusal { AUTH_MISSING, INVALID_TOKEN, EXPIRED_TOKEN }

  private final String did;
  private final String handle;
  private final String password;
  private final Map<String, Boolean> accessTokens = new HashMap<>();
  private final Map<String, Boolean> refreshTokens = new HashMap<>();
  private boolean revoked;
  private int issued;
  private int logins;

  BlueskySessions(String did, String handle, String password) {
    this.did = did;
    this.handle = handle;
    this.password = password;
  }

  /** {@code createSession}: the session body, or null when the identifier or password is refused. */
  JsonObject login(JsonObject body) {
    if (revoked || body == null || !handle.equals(body.getString("identifier"))
        || !password.equals(body.getString("password"))) {
      return null;
    }
    logins++;
    return issue();
  }

  /** {@code refreshSession}: a new pair for a live refresh token (used once), or null. */
  JsonObject refresh(String refreshToken) {
    return refreshToken != null && refreshTokens.remove(refreshToken) != null ? issue() : null;
  }

  Refusal check(String accessToken) {
    if (accessToken == null) {
      return Refusal.AUTH_MISSING;
    }
    Boolean valid = accessTokens.get(accessToken);
    return valid == null ? Refusal.INVALID_TOKEN : valid ? null : Refusal.EXPIRED_TOKEN;
  }

  void expireAll() {
    accessTokens.replaceAll((k, v) -> false);
  }

  void revoke() {
    revoked = true;
    accessTokens.clear();
    refreshTokens.clear();
  }

  void restore() {
    revoked = false;
  }

  int logins() {
    return logins;
  }

  private JsonObject issue() {
    issued++;
    String access = "eyJsim.access." + issued;
    String refresh = "eyJsim.refresh." + issued;
    accessTokens.put(access, true);
    refreshTokens.put(refresh, true);
    return new JsonObject().put("did", did).put("handle", handle).put("accessJwt", access)
        .put("refreshJwt", refresh).put("active", true);
  }
}
