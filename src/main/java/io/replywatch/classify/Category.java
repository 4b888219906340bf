package io.replywatch.classify;

import java.util.Locale;
import java.util.Optional;

/** What a mention asks of the brand; the SLA policy is chosen by it. */
public enum Category {
  COMPLAINT, QUESTION, PRAISE, NEUTRAL;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Category> parse(String id) {
    for (Category c : values()) {
      if (c.id().equals(id)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
