package io.replywatch.sla;

import io.replywatch.classify.Category;
import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig;
import io.replywatch.config.ReplywatchConfig.Policy;
import io.replywatch.sla.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The targets that apply to one episode, and when they fall due. Deadlines go through a {@link BusinessCalendar}
 * so that a policy with business hours stops the clock outside them; the default calendar is 24/7.
 */
public record SlaPolicy(Optional<Duration> warning, Optional<Duration> breach, BusinessCalendar calendar) {

  /** A policy that measures but never alerts. */
  public static final SlaPolicy MEASURE_ONLY =
      new SlaPolicy(Optional.empty(), Optional.empty(), BusinessCalendar.ALWAYS);

  public Optional<Duration> target(Level level) {
    return switch (level) {
      case WARNING -> warning;
      case BREACH -> breach;
      case RESOLVED -> Optional.empty();
    };
  }

  /** Whether the policy alerts at all: a warning or breach target (else it only measures). */
  public boolean hasTargets() {
    return warning.isPresent() || breach.isPresent();
  }

  /** Empty without a target at that level, or when the calendar's clock never runs that long (it logs why). */
  public Optional<Instant> deadline(Instant openedAt, Level level) {
    return target(level).flatMap(t -> calendar.deadline(openedAt, t));
  }

  /**
   * A response time as the targets count it: with business hours, time outside them does not run. What
   * {@code /api/v1/sla}, replay and {@code replywatch_response_sla_seconds} judge the targets on.
   *
   * @param wall the wall-clock time from {@code openedAt} to the answer
   */
  public Duration clockTime(Instant openedAt, Duration wall) {
    return calendar.elapsed(openedAt, openedAt.plus(wall));
  }

  /** The first configured policy that matches, as product.md §2 says; none matching means measure only. */
  public static SlaPolicy resolve(List<Policy> policies, String brand, Platform platform, Category category) {
    for (Policy p : policies) {
      if (p.matches(brand, platform, category)) {
        BusinessCalendar calendar = p.calendar().<BusinessCalendar>map(ReplywatchConfig.Calendar::businessHours).orElse(BusinessCalendar.ALWAYS);
        return new SlaPolicy(p.warning(), p.breach(), calendar);
      }
    }
    return MEASURE_ONLY;
  }
}
