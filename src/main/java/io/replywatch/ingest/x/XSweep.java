package io.replywatch.ingest.x;

import io.replywatch.ingest.Post;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The overlap sweep against X's known flake of mentions missing from {@code since_id} queries (social-apis.md
 * §1.3, valory-xyz/IEKit#307): every {@link #WINDOW} the mentions timeline is read again by {@code start_time}
 * alone, and what this poller has not handed on yet is added. The window never reaches before the poller started,
 * so a restart cannot hand on again what the previous run already did. Pure: time comes in as an argument.
 */
final class XSweep {
  static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int REMEMBERED = 10_000;

  private final Instant started;
  private Instant last;
  private final Map<String, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > REMEMBERED;
    }
  };

  XSweep(Instant started) {
    this.started = started;
    this.last = started;
  }

  /** The {@code start_time} of a sweep due at {@code now}, if one is due; marks it done. */
  Optional<Instant> due(Instant now) {
    if (now.isBefore(last.plus(WINDOW))) {
      return Optional.empty();
    }
    last = now;
    Instant from = now.minus(WINDOW);
    return Optional.of(from.isBefore(started) ? started : from);
  }

  /** Remembers what was handed on (or is about to be), so a sweep does not find it again. */
  void seen(Collection<Post> posts) {
    posts.forEach(p -> seen.put(p.id(), Boolean.TRUE));
  }

  /** The swept posts this poller has not seen. */
  List<Post> unseen(List<Post> swept) {
    return swept.stream().filter(p -> !seen.containsKey(p.id())).toList();
  }
}
