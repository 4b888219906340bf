package io.replywatch.replay;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The replay figures of one brand and platform (or of everything, the {@code *} row). Response times are kept
 * in a plain growable array: a large history has millions of them and percentiles need them all.
 */
public final class ReplayStats {
  long episodes;
  long withTargets;
  long answered;
  long withinWarning;
  long withinBreach;
  long warnings;
  long breaches;
  long openAtEnd;
  private double[] responseSeconds = new double[16];
  private int responses;
  private boolean sorted = true;

  void response(double seconds) {
    if (responses == responseSeconds.length) {
      responseSeconds = Arrays.copyOf(responseSeconds, responses * 2);
    }
    responseSeconds[responses++] = seconds;
    sorted = false;
  }

  void add(ReplayStats other) {
    episodes += other.episodes;
    withTargets += other.withTargets;
    answered += other.answered;
    withinWarning += other.withinWarning;
    withinBreach += other.withinBreach;
    warnings += other.warnings;
    breaches += other.breaches;
    openAtEnd += other.openAtEnd;
    for (int i = 0; i < other.responses; i++) {
      response(other.responseSeconds[i]);
    }
  }

  /**
   * Nearest-rank percentile of the answered episodes' response times, in seconds: the smallest value that at
   * least {@code p}% of them do not exceed. {@code null} when nothing was answered.
   */
  public Double percentile(double p) {
    if (responses == 0) {
      return null;
    }
    if (!sorted) {
      Arrays.sort(responseSeconds, 0, responses);
      sorted = true;
    }
    int rank = (int) Math.ceil(p / 100.0 * responses);
    return responseSeconds[Math.max(1, Math.min(rank, responses)) - 1];
  }

  /** The figures in print order; the names are the column names and the JSON keys. */
  public Map<String, Number> figures() {
    Map<String, Number> f = new LinkedHashMap<>();
    f.put("episodes", episodes);
    f.put("with_targets", withTargets);
    f.put("answered", answered);
    f.put("response_seconds_p50", percentile(50));
    f.put("response_seconds_p90", percentile(90));
    f.put("within_warning", withinWarning);
    f.put("within_breach", withinBreach);
    f.put("warnings", warnings);
    f.put("breaches", breaches);
    f.put("open_at_end", openAtEnd);
    return f;
  }
}
