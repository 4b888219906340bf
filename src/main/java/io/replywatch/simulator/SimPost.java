package io.replywatch.simulator;

import java.time.Instant;
import java.util.Optional;

/**
 * One post in a scripted timeline. Ids are assigned by the {@link Timeline} in time order, so the simulator's ids
 * are snowflake-like as on the real platforms.
 *
 * @param id the platform id the simulator serves
 * @param brand whether a brand account wrote it (its reply closes an episode)
 * @param inReplyTo the id of the post it replies to
 */
public record SimPost(
    String id, Instant createdAt, String authorId, String authorHandle, String text, boolean brand,
    Optional<String> inReplyTo, String language) {}
