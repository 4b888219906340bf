package io.replywatch.sla;

import java.util.Locale;

/** The SLA event levels of product.md §2; their lower-case names are metric label values. */
public enum Level {
  WARNING, BREACH, RESOLVED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
