package io.replywatch.config;

import java.util.Locale;
import java.util.Optional;

/** The social platforms Replywatch knows; the lower-case name is what config, labels and APIs use. */
public enum Platform {
  X, MASTODON, BLUESKY, REDDIT;

  /** The name used in config files, metric labels and the HTTP API. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Display name for messages meant for people ("Mastodon", "X"). */
  public String displayName() {
    return switch (this) {
      case X -> "X";
      case MASTODON -> "Mastodon";
      case BLUESKY -> "Bluesky";
      case REDDIT -> "Reddit";
    };
  }

  public static Optional<Platform> parse(String id) {
    for (Platform p : values()) {
      if (p.id().equals(id)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
