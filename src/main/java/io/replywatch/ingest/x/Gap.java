package io.replywatch.ingest.x;

import io.replywatch.ingest.Paging;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A range of an X endpoint not read yet, because a cycle stopped at {@link Paging#MAX_PAGES}: newer than
 * {@code since} and older than {@code until} (ids, both exclusive, as X's {@code since_id}/{@code until_id}), or,
 * when the read it was left by started from {@code start_time} (a first start, an aged-out search cursor), from
 * {@code since} as an instant. Stored as {@code since..until}, several comma-separated, newest first.
 */
record Gap(String since, String until) {
  private static final Logger LOG = LoggerFactory.getLogger(Gap.class);

  boolean timeBound() {
    return since.contains("T");
  }

  /** How far back the range reaches: its {@code start_time}, or the time of its {@code since_id} tweet. */
  Optional<Instant> lowerBound() {
    if (!timeBound()) {
      return XParser.idTime(since);
    }
    try {
      return Optional.of(Instant.parse(since));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return since + ".." + until;
  }

  static List<Gap> parse(String stored) {
    List<Gap> gaps = new ArrayList<>();
    for (String range : stored.split(",")) {
      int dots = range.indexOf("..");
      if (dots > 0 && dots + 2 < range.length()) {
        gaps.add(new Gap(range.substring(0, dots).trim(), range.substring(dots + 2).trim()));
      } else if (!range.isBlank()) {
        LOG.warn("x backlog entry {} is not since..until: ignored", range);
      }
    }
    return gaps;
  }

  static String format(List<Gap> gaps) {
    return String.join(",", gaps.stream().map(Gap::toString).toList());
  }
}
