package io.replywatch.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A request as a simulator answered it, on the simulator's clock: tests check what a poller sent and when (no
 * request between a 429 and its reset).
 */
public record SimRequest(String path, String query, Instant at, int status) {

  /** The query's parameters, decoded; the last of a repeated one. */
  public Map<String, String> params() {
    Map<String, String> out = new HashMap<>();
    for (String kv : (query == null ? "" : query).split("&")) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        out.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
