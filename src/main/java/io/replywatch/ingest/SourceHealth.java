package io.replywatch.ingest;

import io.replywatch.config.Platform;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each source (platform account) last reported, for {@code /health/ready}: the monitor must never be blind
 * without saying so. Written by pollers, read by the HTTP verticle; the map is concurrent for that reason.
 */
public final class SourceHealth {

  /** A source's condition: up, not yet polled, failing (retrying) or blind (needs a person: revoked token). */
  public enum State { STARTING, OK, FAILING, BLIND }

  /** The latest report of one source. */
  public record Status(State state, Optional<Instant> lastSuccess, String detail) {}

  private final Map<String, Status> sources = new ConcurrentHashMap<>();

  public void starting(Platform platform, String account) {
    sources.putIfAbsent(key(platform, account), new Status(State.STARTING, Optional.empty(), "not polled yet"));
  }

  public void ok(Platform platform, String account, Instant at) {
    ok(platform, account, at, "ok");
  }

  /** A successful cycle with a note, such as an optional read the platform rejected. */
  public void ok(Platform platform, String account, Instant at, String detail) {
    sources.put(key(platform, account), new Status(State.OK, Optional.of(at), detail));
  }

  public void failing(Platform platform, String account, State state, String detail) {
    sources.compute(key(platform, account), (k, old) ->
        new Status(state, old == null ? Optional.empty() : old.lastSuccess(), detail));
  }

  /** A sorted copy, so the JSON is stable. */
  public Map<String, Status> snapshot() {
    return new TreeMap<>(sources);
  }

  /** Ready when every source has succeeded at least once and none is blind. */
  public boolean ready() {
    return !sources.isEmpty() && sources.values().stream()
        .allMatch(s -> s.lastSuccess().isPresent() && s.state() != State.BLIND);
  }

  private static String key(Platform platform, String account) {
    return platform.id() + "/" + account;
  }
}
