package io.replywatch.simulator;

import java.time.Instant;

/**
 * A request as a simulator answered it, on the simulator's clock: tests check what a poller sent and when (no
 * request between a 429 and its reset).
 */
public record SimRequest(String path, String query, Instant at, int status) {}
