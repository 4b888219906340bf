package io.replywatch.simulator.bluesky;

import io.replywatch.simulator.Fault;
import io.vertx.ext.web.RoutingContext;

/** How the Bluesky simulator serves each {@link Fault}, in the shapes social-apis.md §3.5 lists. */
final class BlueskyFaults {

  private BlueskyFaults() {}

  static void serve(RoutingContext ctx, Fault fault, BlueskySimulator sim) {
    switch (fault.kind()) {
      case RATE_LIMIT -> {
        sim.block(fault.retryAfter());
        sim.rateLimited(ctx, sim.clockNow().plus(fault.retryAfter()));
      }
      case HTML_503 -> {
        ctx.response().putHeader("Content-Type", "text/html");
        sim.send(ctx, 503, "<html><head><title>503 Service Temporarily Unavailable</title></head>"
            + "<body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>");
      }
      case SERVER_ERROR -> sim.error(ctx, 502, "UpstreamFailure", "Upstream Failure");
      case MALFORMED -> sim.send(ctx, 200, "{\"notifications\": [{\"uri\": \"at://did:plc:x/app.bsky.feed.post/3k");
      case UNAUTHORIZED -> sim.error(ctx, 401, "InvalidToken", "Malformed token");
      case EXPIRED_TOKEN -> {
        sim.expireAccessTokens();
        sim.error(ctx, 400, "ExpiredToken", "Token has expired");
      }
      default -> sim.error(ctx, 500, "InternalServerError", "Internal Server Error");
    }
  }
}
