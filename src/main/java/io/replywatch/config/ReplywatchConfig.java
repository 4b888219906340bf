package io.replywatch.config;

import io.replywatch.classify.Category;
import io.replywatch.classify.ClassifierRules;
import io.replywatch.sla.calendar.BusinessHours;
import io.replywatch.sla.calendar.Window;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole configuration, validated and immutable; built once by {@link ConfigLoader}.
 *
 * @param classifierRules {@code classifier}: keywords and VIP authors that force a category before the model is asked
 */
public record ReplywatchConfig(
    Server server,
    Storage storage,
    List<Brand> brands,
    Map<Platform, PlatformSettings> platforms,
    List<Policy> policies,
    Alerts alerts,
    ClassifierRules classifierRules) {

  /** Where the HTTP endpoints listen. */
  public record Server(String host, int port) {}

  /** The embedded database file. */
  public record Storage(String path) {}

  /** A brand and its own accounts: mentions of them are polled, their posts are replies. */
  /**
   * @param keywords terms searched for where the platform has a search, and matched in the new comments of
   *     {@code subreddits}
   * @param subreddits Reddit communities (names without {@code r/}) whose new comments are scanned for the keywords
   */
  public record Brand(String id, List<Account> accounts, Set<String> automatedAccounts, List<String> keywords,
      List<String> subreddits) {

    /** A brand that watches no subreddit. */
    public Brand(String id, List<Account> accounts, Set<String> automatedAccounts, List<String> keywords) {
      this(id, accounts, automatedAccounts, keywords, List.of());
    }

    /** Whether posts by this account id or handle are automated (auto-responders) and so never count as replies. */
    public boolean isAutomated(String accountIdOrHandle) {
      // Handles are case-insensitive on every platform (as wrote() treats them): "AcmeBot" in the config must
      // still catch the platform's "acmebot", or the auto-responder's reply silently closes the episode.
      return accountIdOrHandle != null
          && automatedAccounts.stream().anyMatch(a -> a.equalsIgnoreCase(accountIdOrHandle));
    }

    /** Whether one of the brand's own accounts on that platform wrote a post: by author id, or by handle. */
    public boolean wrote(Platform platform, String authorId, String authorHandle) {
      return accounts.stream().anyMatch(a -> a.platform() == platform
          && (a.id().equals(authorId) || a.handle().equalsIgnoreCase(authorHandle)));
    }
  }

  /** One brand account on one platform. */
  public record Account(Platform platform, String id, String handle, Secret token) {}

  /**
   * Per-platform endpoint and cadence. {@code backfill} is how far back a first start with no cursor reads;
   * {@code deletedCheck} how often the poller looks up the posts of its open episodes to close those deleted on the
   * platform, empty when that is off.
   */
  public record PlatformSettings(String baseUrl, Duration pollInterval, Duration backfill,
      Optional<Duration> deletedCheck) {

    /** The default deleted-post check interval. */
    public static final Duration DELETED_CHECK = Duration.ofMinutes(10);

    public PlatformSettings(String baseUrl, Duration pollInterval, Duration backfill) {
      this(baseUrl, pollInterval, backfill, Optional.of(DELETED_CHECK));
    }
  }

  /**
   * An SLA policy; the first whose match fits a mention applies. Empty match sets match everything. Without
   * targets the response time is measured but nothing is alerted.
   */
  public record Policy(
      Set<String> brands,
      Set<Platform> platforms,
      Set<Category> categories,
      Optional<Duration> warning,
      Optional<Duration> breach,
      Optional<Calendar> calendar) {

    /** A policy whose clock runs around the clock. */
    public Policy(Set<String> brands, Set<Platform> platforms, Set<Category> categories, Optional<Duration> warning,
        Optional<Duration> breach) {
      this(brands, platforms, categories, warning, breach, Optional.empty());
    }

    public boolean matches(String brand, Platform platform, Category category) {
      return (brands.isEmpty() || brands.contains(brand))
          && (platforms.isEmpty() || platforms.contains(platform))
          && (categories.isEmpty() || categories.contains(category));
    }
  }

  /**
   * Business hours for a policy ({@code sla.calendars.<name>}): the SLA clock runs only inside these windows of
   * the zone's wall clock, and not on holidays.
   *
   * @param hours per weekday, ordered and non-overlapping windows; a day without an entry is closed
   */
  public record Calendar(String name, ZoneId zone, Map<DayOfWeek, List<Window>> hours, Set<LocalDate> holidays) {
    /** The SLA clock this entry describes. */
    public BusinessHours businessHours() {
      return new BusinessHours(name, zone, hours, holidays);
    }
  }

  /** Alert routing: warning goes to support; breach to support and paging. */
  public record Alerts(List<Channel> support, List<Channel> paging) {}

  /**
   * One alert channel. Which fields matter depends on the type; quiet hours only on support channels; a runbook URL
   * on Alertmanager and PagerDuty channels, so the page links to what on-call should do.
   */
  public record Channel(String type, Secret url, Secret routingKey,
      Optional<io.replywatch.config.QuietHours> quietHours, Optional<String> runbookUrl) {

    public Channel(String type, Secret url, Secret routingKey) {
      this(type, url, routingKey, Optional.empty(), Optional.empty());
    }
  }
}
