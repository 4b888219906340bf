package io.replywatch.sla;

import io.replywatch.classify.Category;
import io.replywatch.config.Platform;
import java.time.Duration;

/**
 * What the SLA stage reports as it records mentions, answers and events. {@code metrics.ServiceMetrics} implements
 * it and owns the meters (style rule 13), so sla does not depend on the metrics package.
 */
public interface SlaMetrics {

  void mention(String brand, Platform platform, Category category);

  /**
   * One answered episode, recorded in both clocks together so that the two histograms always count the same
   * episodes.
   *
   * @param first whether the episode was its conversation's first (first response time) or a later one (next)
   * @param wall the wall-clock response time, what the customer waited ({@code replywatch_response_seconds} and
   *     the first/next histograms)
   * @param slaClock the response time as the episode's SLA policy counts it: with business hours, time outside
   *     them does not run; equal to {@code wall} without a calendar ({@code replywatch_response_sla_seconds})
   */
  void responseTime(String brand, Platform platform, Category category, boolean first, Duration wall,
      Duration slaClock);

  void slaEvent(String brand, Platform platform, Category category, Level level);
}
