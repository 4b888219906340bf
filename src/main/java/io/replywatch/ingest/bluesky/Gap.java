package io.replywatch.ingest.bluesky;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A range of a Bluesky list not read yet, because a cycle stopped at {@link BlueskyPaging#MAX_PAGES}: the entries
 * after {@code cursor} (the list's own, as the page above them gave it) down to {@code stop}, the mark the read that
 * left it was reading back to. Stored one a line, newest first: the mark's encoding, a tab, then the cursor, which
 * is opaque and may hold spaces.
 */
record Gap(String cursor, HighWater stop) {
  private static final Logger LOG = LoggerFactory.getLogger(Gap.class);

  /** How far back the range reaches. */
  Instant lowerBound() {
    return stop.at();
  }

  static List<Gap> parse(String stored) {
    List<Gap> gaps = new ArrayList<>();
    for (String line : stored.split("\n")) {
      int tab = line.indexOf('\t');
      Optional<HighWater> stop = tab > 0 ? HighWater.decode(Optional.of(line.substring(0, tab))) : Optional.empty();
      if (stop.isPresent() && tab + 1 < line.length()) {
        gaps.add(new Gap(line.substring(tab + 1), stop.get()));
      } else if (!line.isBlank()) {
        LOG.warn("bluesky backlog entry is not mark<TAB>cursor: ignored: {}", line);
      }
    }
    return gaps;
  }

  static String format(List<Gap> gaps) {
    return String.join("\n", gaps.stream().map(g -> g.stop.encode() + "\t" + g.cursor).toList());
  }
}
