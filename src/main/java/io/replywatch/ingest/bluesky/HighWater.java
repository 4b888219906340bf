package io.replywatch.ingest.bluesky;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The stored cursor of a Bluesky list. Bluesky's own cursor only walks from newest to oldest and has no "since",
 * so we store the newest {@code indexedAt} read (of any entry: a like among the notifications too) and the uris
 * indexed at exactly that instant (two entries can share a millisecond); the next cycle pages back until it passes
 * below it.
 */
record HighWater(Instant at, Set<String> urisAt) {
  private static final String SEP = " ";

  String encode() {
    return at + (urisAt.isEmpty() ? "" : SEP + String.join(SEP, urisAt));
  }

  /** The stored mark; one we cannot read counts as none (a backfill, which the tracker de-duplicates). */
  static Optional<HighWater> decode(Optional<String> stored) {
    return stored.filter(s -> !s.isBlank()).flatMap(s -> {
      String[] parts = s.trim().split(SEP);
      Set<String> uris = new LinkedHashSet<>(Arrays.asList(parts).subList(1, parts.length));
      try {
        return Optional.of(new HighWater(Instant.parse(parts[0]), uris));
      } catch (java.time.format.DateTimeParseException e) {
        return Optional.empty();
      }
    });
  }

  /** Whether an item at {@code indexedAt} with {@code uri} was handed on before. */
  boolean covers(Instant indexedAt, String uri) {
    return indexedAt.isBefore(at) || indexedAt.equals(at) && urisAt.contains(uri);
  }

  /** This mark raised by one newly handed-on item. */
  HighWater plus(Instant indexedAt, String uri) {
    if (indexedAt.isBefore(at)) {
      return this;
    }
    Set<String> uris = indexedAt.equals(at) ? new LinkedHashSet<>(urisAt) : new LinkedHashSet<>();
    uris.add(uri);
    return new HighWater(indexedAt, uris);
  }
}
