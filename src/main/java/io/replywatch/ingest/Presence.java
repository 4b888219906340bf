package io.replywatch.ingest;

/**
 * What one look at a post on its platform said. Only {@link #GONE} can ever close an episode, and only twice in a
 * row ({@link DeletionStrikes}); anything the platform did not say plainly is {@link #UNKNOWN}.
 */
public enum Presence {
  /** The platform answered definitively that the post does not exist any more (deleted by its author). */
  GONE,
  /** The platform showed the post, or said it is there but hidden (protected, removed by a moderator). */
  THERE,
  /** No definitive answer: an error, a missing entry, a body we could not read. Never closes anything. */
  UNKNOWN
}
