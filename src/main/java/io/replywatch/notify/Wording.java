package io.replywatch.notify;

import io.replywatch.classify.Category;
import io.replywatch.sla.Level;
import io.replywatch.sla.SlaEvent;
import io.replywatch.text.Text;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sentences people read in every channel ("Complaint to @acme on Bluesky unanswered for 61 min"), written once
 * so PagerDuty, Alertmanager, Teams and the logs say the same thing. Only trusted values (brand id, platform,
 * category, numbers) go into these sentences; untrusted mention text never does.
 */
public final class Wording {

  private Wording() {}

  /** "Complaint", "Question", ... */
  public static String categoryTitle(Category category) {
    String id = category.id();
    return id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1);
  }

  /** The one-line summary, with the age in whole minutes as of the moment the message is built. */
  public static String summary(SlaEvent event, long ageMinutes) {
    String subject = categoryTitle(event.category()) + " to @" + Text.singleLine(event.brand()) + " on "
        + event.platform().displayName();
    if (event.level() == Level.RESOLVED) {
      return subject + " " + resolvedAs(event) + " after " + ageMinutes + " min";
    }
    return subject + " unanswered for " + ageMinutes + " min";
  }

  /**
   * How a resolved episode ended: "answered", or "closed without a reply" (the post was deleted, or someone closed
   * it by hand); the reason itself is not ours to put in a sentence, so channels show it apart.
   */
  public static String resolvedAs(SlaEvent event) {
    return event.closedAs().isPresent() ? "closed without a reply" : "answered";
  }

  /** The reason a resolved episode closed without a reply, cut to one line, for a channel to show apart. */
  public static java.util.Optional<String> closeReason(SlaEvent event) {
    return event.closedAs().map(r -> Text.line(r, 200));
  }

  /** A target as the docs write it: "30m", "60m", "90m", or "45s" when not whole minutes. */
  public static String duration(Duration d) {
    long seconds = d.getSeconds();
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }

  /** "support 30m, page 60m", or "none" when the policy has no target. */
  public static String targets(SlaEvent event) {
    List<String> parts = new ArrayList<>();
    event.warningTarget().ifPresent(t -> parts.add("support " + duration(t)));
    event.breachTarget().ifPresent(t -> parts.add("page " + duration(t)));
    return parts.isEmpty() ? "none" : String.join(", ", parts);
  }

  /** A confidence as people read it, two decimals: "0.93". */
  public static String confidence(double confidence) {
    return String.format(Locale.ROOT, "%.2f", confidence);
  }

  /** The confidence rounded to two decimals, for JSON numbers. */
  public static double round2(double value) {
    return Math.round(value * 100.0) / 100.0;
  }
}
