package io.replywatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.classify.Category;
import io.replywatch.time.Durations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
  private static final Map<String, String> ENV = Map.of(
      "X_BEARER_TOKEN", "x-secret-1", "MASTODON_TOKEN", "m-secret-2", "SLACK_WEBHOOK_URL", "https://hooks.slack.test/T/B/secret3",
      "PAGERDUTY_ROUTING_KEY", "R0UTINGKEY0123456789ABCDEFGHIJKL");
  private static final String MINIMAL = """
      brands:
        - id: acme
          accounts:
            - { platform: mastodon, id: "1", handle: acme, token: t }
      """;

  private final ConfigLoader loader = new ConfigLoader(ENV::get);

  @Test
  void shouldLoadTheShippedConfigFile() {
    ReplywatchConfig c = loader.load(Path.of("config/replywatch.yaml"));
    assertEquals(8080, c.server().port());
    assertEquals("acme", c.brands().get(0).id());
    assertEquals("x-secret-1", c.brands().get(0).accounts().get(0).token().reveal());
    assertEquals(Platform.MASTODON, c.brands().get(0).accounts().get(1).platform());
    assertEquals(Duration.ofSeconds(30), c.platforms().get(Platform.MASTODON).pollInterval());
    assertEquals(Optional.of(Duration.ofMinutes(30)), c.policies().get(0).warning());
    assertEquals("slack", c.alerts().support().get(0).type());
  }

  /**
   * product.md §2: rules in config force a category before the model is asked. VIP authors (with or without @, any
   * case) come first, then keywords (whole words or phrases, any case); without the section there are none.
   */
  @Test
  void shouldReadClassifierRulesThatForceACategory() {
    ReplywatchConfig c = loader.parse(MINIMAL + """
        classifier:
          keywords:
            complaint: ["#acmefail", "charged twice"]
            question: refund status
          vipAuthors:
            complaint: ["@BigCustomer"]
        """, "rules.yaml");
    var rules = c.classifierRules();
    assertEquals(Optional.of(Category.COMPLAINT), rules.apply("@acme #AcmeFail again", "someone"));
    assertEquals(Optional.of(Category.COMPLAINT), rules.apply("I was Charged Twice for one order", "someone"));
    assertEquals(Optional.of(Category.QUESTION), rules.apply("what is my refund status?", "someone"));
    assertEquals(Optional.of(Category.COMPLAINT), rules.apply("love it, thanks!", "bigcustomer"));
    assertEquals(Optional.empty(), rules.apply("not charged at all", "someone"));
    assertEquals(io.replywatch.classify.ClassifierRules.NONE, loader.parse(MINIMAL, "min.yaml").classifierRules());
  }

  @Test
  void shouldApplyDefaultsToAMinimalFile() {
    ReplywatchConfig c = loader.parse(MINIMAL, "min.yaml");
    assertEquals("127.0.0.1", c.server().host());
    assertEquals("https://mastodon.social", c.platforms().get(Platform.MASTODON).baseUrl());
    assertEquals(Duration.ofHours(24), c.platforms().get(Platform.MASTODON).backfill());
    assertTrue(c.policies().get(0).matches("acme", Platform.X, Category.COMPLAINT));
    assertEquals(Optional.of(Duration.ofMinutes(60)), c.policies().get(0).breach());
    assertFalse(c.policies().get(1).warning().isPresent());
  }

  @Test
  void shouldNameEveryUnsetVariableOfTheShippedConfigAtOnce() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> new ConfigLoader(Map.of("MASTODON_TOKEN", "m")::get).load(Path.of("config/replywatch.yaml")));
    assertEquals("config/replywatch.yaml: brands[0].accounts[0].token: environment variable X_BEARER_TOKEN is not set"
        + " (use ${X_BEARER_TOKEN:-default} for a default); also not set: SLACK_WEBHOOK_URL (alerts.support[0].url),"
        + " PAGERDUTY_ROUTING_KEY (alerts.paging[0].routingKey)", e.getMessage());
  }

  @Test
  void shouldStopListingUnsetVariablesAtOneAStandInCannotTake() {
    String yaml = MINIMAL.replace("token: t", "token: \"${A_TOKEN}\"")
        + "server: { port: \"${PORT}\" }\nalerts:\n  support:\n    - { type: slack, url: \"${HOOK}\" }\n";
    ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(yaml, "f.yaml"));
    // PORT cannot be a URL-shaped stand-in, so what comes after it is not looked for.
    assertEquals("f.yaml: server.port: environment variable PORT is not set (use ${PORT:-default} for a default)",
        e.getMessage());
    ConfigException tokens = assertThrows(ConfigException.class,
        () -> loader.parse(yaml.replace("\"${PORT}\"", "8080"), "f.yaml"));
    assertTrue(tokens.getMessage().endsWith("A_TOKEN is not set (use ${A_TOKEN:-default} for a default);"
        + " also not set: HOOK (alerts.support[0].url)"), tokens.getMessage());
  }

  @Test
  void shouldUseTheDefaultOfAnUnsetVariable() {
    ReplywatchConfig c = loader.parse(MINIMAL.replace("token: t", "token: \"${NOPE:-fallback}\""), "f.yaml");
    assertEquals("fallback", c.brands().get(0).accounts().get(0).token().reveal());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown platform | accounts:\\n        - { platform: myspace, id: \"1\", handle: a } | bad.yaml: brands[0].accounts[0].platform: unknown platform 'myspace'",
      "missing id | accounts:\\n        - { platform: x, handle: a } | bad.yaml: brands[0].accounts[0].id: is required",
      "typo in a key | accounts:\\n        - { platfrom: x, id: \"1\", handle: a } | bad.yaml: brands[0].accounts[0].platfrom: unknown key",
      "unset variable | accounts:\\n        - { platform: x, id: \"1\", handle: a, token: \"${NOT_SET}\" } | bad.yaml: brands[0].accounts[0].token: environment variable NOT_SET is not set",
      "missing token | accounts:\\n        - { platform: x, id: \"1\", handle: a } | bad.yaml: brands[0].accounts[0].token: is required",
  })
  void shouldNameTheKeyPathOfABadAccount(String name, String accounts, String expected) {
    String yaml = "brands:\n  - id: acme\n    " + accounts.replace("\\n", "\n");
    ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(yaml, "bad.yaml"));
    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
  }

  @Test
  void shouldReadARunbookLinkOnAPagingChannel() {
    ReplywatchConfig c = loader.parse(MINIMAL + """
        alerts:
          paging:
            - { type: alertmanager, url: "http://127.0.0.1:9093", runbookUrl: "https://wiki.example.com/replywatch" }
            - { type: alertmanager, url: "http://127.0.0.1:9094" }
        """, "rb.yaml");
    assertEquals(Optional.of("https://wiki.example.com/replywatch"), c.alerts().paging().get(0).runbookUrl());
    assertEquals(Optional.empty(), c.alerts().paging().get(1).runbookUrl());
  }

  @Test
  void shouldLoadForReplayWithoutTheSecretsSet() {
    // replay takes policies and brands from the production config; it must not demand its tokens and webhooks
    ReplywatchConfig c = ConfigLoader.withoutSecrets(k -> null).load(Path.of("config/replywatch.yaml"));
    assertEquals("acme", c.brands().get(0).id());
    assertEquals(Optional.of(Duration.ofMinutes(30)), c.policies().get(0).warning());
    assertTrue(c.alerts().support().isEmpty());
    ConfigException typo = assertThrows(ConfigException.class, () -> ConfigLoader.withoutSecrets(k -> null)
        .parse(MINIMAL + "alerts:\n  suport: []\n", "typo.yaml"));
    assertTrue(typo.getMessage().startsWith("typo.yaml: alerts.suport: unknown key"), typo.getMessage());
  }

  @Test
  void shouldReadSubredditsWithOrWithoutTheirPrefix() {
    String yaml = "brands:\n  - id: acme\n    keywords: [acme]\n    subreddits: [r/acme, AcmeHelp]\n"
        + "    accounts:\n      - { platform: reddit, id: t2_1, handle: acmesupport, token: t }\n";
    assertEquals(List.of("acme", "AcmeHelp"), loader.parse(yaml, "ok.yaml").brands().get(0).subreddits());
    assertEquals(List.of(), loader.parse(MINIMAL, "min.yaml").brands().get(0).subreddits());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "keywords: [acme], subreddits: [\"r/acme help\"] | platform: reddit | brands[0].subreddits[0]: 'r/acme help' is not a subreddit name",
      "subreddits: [acme] | platform: reddit | brands[0].subreddits: subreddit comments are matched against the brand's keywords, and it has none",
      "keywords: [acme], subreddits: [acme] | platform: mastodon | brands[0].subreddits: subreddits are read with the brand's Reddit account, and it has none",
  })
  void shouldNameTheKeyPathOfABadSubreddit(String brandKeys, String platform, String expected) {
    String yaml = "brands:\n  - { id: acme, " + brandKeys + ", accounts: [ { " + platform + ", id: \"1\", handle: a, token: t } ] }\n";
    ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(yaml, "bad.yaml"));
    assertTrue(e.getMessage().startsWith("bad.yaml: " + expected), e.getMessage());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "server: { port: 99999 } | server.port: expected a port number 0-65535, got '99999'",
      "platforms: { mastodon: { pollInterval: soon } } | platforms.mastodon.pollInterval: expected a duration like 30s, got 'soon'",
      "platforms: { myspace: {} } | platforms.myspace: unknown key",
      "sla: { policies: [ { match: { category: [rant] } } ] } | sla.policies[0].match.category[0]: expected one of complaint",
      "sla: { policies: [ { warning: 90m, breach: 60m } ] } | sla.policies[0].warning: must not be longer than breach (1h)",
      "sla: { calendars: { eu: { timezone: Europe/Berlinn, hours: { mon-fri: [\"09:00-18:00\"] } } } } | sla.calendars.eu.timezone: expected a known time zone like Europe/Berlin, got 'Europe/Berlinn'",
      "sla: { calendars: { eu: { hours: { mon-fri: [\"09:00-18:00\"] } } } } | sla.calendars.eu.timezone: is required",
      "sla: { calendars: { eu: { timezone: UTC, hours: { mon-fri: [\"18:00-09:00\"] } } } } | sla.calendars.eu.hours.mon-fri[0]: expected a window like 09:00-18:00 that ends after it starts, got '18:00-09:00'",
      "sla: { calendars: { eu: { timezone: UTC, hours: { mon-fri: [\"09:00-13:00\", \"12:00-18:00\"] } } } } | sla.calendars.eu.hours.mon-fri: windows overlap: 09:00-13:00 and 12:00-18:00",
      "sla: { calendars: { eu: { timezone: UTC, hours: { mon-fri: [\"9-5\"] } } } } | sla.calendars.eu.hours.mon-fri[0]: expected a window like 09:00-18:00",
      "sla: { calendars: { eu: { timezone: UTC, hours: { weekdays: [\"09:00-18:00\"] } } } } | sla.calendars.eu.hours.weekdays: expected a day (mon ... sun) or a range of days like mon-fri",
      "sla: { calendars: { eu: { timezone: UTC, hours: { mon-fri: [\"09:00-18:00\"], fri: [\"10:00-11:00\"] } } } } | sla.calendars.eu.hours.fri: fri is already given by another key",
      "sla: { calendars: { eu: { timezone: UTC, hours: {} } } } | sla.calendars.eu.hours: at least one day with a window is required",
      "sla: { calendars: { eu: { timezone: UTC, hours: { sat: [\"10:00-14:00\"] }, holidays: [\"25.12.2026\"] } } } | sla.calendars.eu.holidays[0]: expected a date like 2026-12-25, got '25.12.2026'",
      "sla: { calendars: { eu: { timezone: UTC, hours: { sat: [\"10:00-14:00\"] } } }, policies: [ { calendar: us } ] } | sla.policies[0].calendar: unknown calendar 'us' (defined in sla.calendars: eu)",
      "sla: { policies: [ { calendar: eu } ] } | sla.policies[0].calendar: unknown calendar 'eu' (defined in sla.calendars: none)",
      "alerts: { support: [ { type: carrier-pigeon } ] } | alerts.support[0].type: unknown channel type 'carrier-pigeon'",
      "alerts: { paging: [ { type: pagerduty } ] } | alerts.paging[0].routingKey: is required for a pagerduty channel",
      "alerts: { support: [ { type: slack, url: 'https://hooks.slack.test/x', runbookUrl: 'https://wiki.test/rb' } ] } | alerts.support[0].runbookUrl: only alertmanager and pagerduty channels carry a runbook link",
      "alerts: { paging: [ { type: alertmanager, url: 'http://127.0.0.1:9093', runbookUrl: 'wiki/rb' } ] } | alerts.paging[0].runbookUrl: not a valid URL",
      "alerts: { support: [ { type: console, quietHours: { timezone: Mars/Olympus, from: '22:00', to: '07:00' } } ] } | alerts.support[0].quietHours.timezone: expected a time zone like Europe/Berlin, got 'Mars/Olympus'",
      "alerts: { support: [ { type: console, quietHours: { timezone: UTC, from: '10pm', to: '07:00' } } ] } | alerts.support[0].quietHours.from: expected a time like 22:00, got '10pm'",
      "alerts: { paging: [ { type: console, quietHours: { timezone: UTC, from: '22:00', to: '07:00' } } ] } | alerts.paging[0].quietHours: unknown key",
      "classifier: { keywords: { complain: [refund] } } | classifier.keywords.complain: unknown category 'complain': one of complaint, question, praise, neutral",
      "classifier: { vipAuthors: { complaint: [\"  \"] } } | classifier.vipAuthors.complaint[0]: must not be empty",
      "classifier: { keyword: { complaint: [refund] } } | classifier.keyword: unknown key",
      "classifier: { keywords: [refund] } | classifier.keywords: expected a mapping",
  })
  void shouldNameTheKeyPathOfABadSetting(String extra, String expected) {
    ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(MINIMAL + extra, "bad.yaml"));
    assertTrue(e.getMessage().startsWith("bad.yaml: " + expected), e.getMessage());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "sla: { policies: [ { breach: 99999999999999999d } ] } | sla.policies[0].breach: must be at most 365d",
      "sla: { policies: [ { breach: 999999999999d } ] } | sla.policies[0].breach: must be at most 365d",
      "sla: { policies: [ { warning: 365d1ms } ] } | sla.policies[0].warning: must be at most 365d",
      "sla: { policies: [ { warning: 0s, breach: 30m } ] } | sla.policies[0].warning: must be longer than 0s",
      "sla: { policies: [ { breach: 0ms } ] } | sla.policies[0].breach: must be longer than 0s",
      "platforms: { x: { pollInterval: 999999999999d } } | platforms.x.pollInterval: must be at most 1d",
      "platforms: { x: { pollInterval: 1d1ms } } | platforms.x.pollInterval: must be at most 1d",
      "platforms: { reddit: { backfill: 99999999999999999999999d } } | platforms.reddit.backfill: must be at most 365d",
      "platforms: { bluesky: { deletedCheck: 30s } } | platforms.bluesky.deletedCheck: must be at least 1m, or off",
      "platforms: { bluesky: { deletedCheck: 2d } } | platforms.bluesky.deletedCheck: must be at most 1d",
      "platforms: { x: { deletedCheck: never } } | platforms.x.deletedCheck: expected a duration like 10m, or off, got 'never'",
  })
  void shouldRejectADurationOutOfRange(String extra, String expected) {
    ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(MINIMAL + extra, "bad.yaml"));
    assertTrue(e.getMessage().startsWith("bad.yaml: " + expected), e.getMessage());
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "platforms.x.baseUrl   | https://                | no host",
      "platforms.x.baseUrl   | https:/api.x.com        | no host",
      "platforms.x.baseUrl   | ftp://api.x.com         | not http:// or https://",
      "platforms.x.baseUrl   | api.x.com               | not http:// or https://",
      "platforms.x.baseUrl   | HTTPS://api.x.com       | not http:// or https://",
      "platforms.x.baseUrl   | ''                      | empty",
      "platforms.x.baseUrl   | https://api_x.test      | no valid host name",
      "alerts.paging[0].url  | http://exa mple:9093/   | space in host",
      "alerts.paging[0].url  | http://:9093            | no valid host name",
      "alerts.support[0].url | https://hooks.test/a b  | space in path",
      "alerts.support[0].url | ' https://hooks.test/'  | space at the start",
      "alerts.support[0].url | https://hooks.test/%zz  | malformed escape pair",
      "alerts.support[0].url | hooks.slack.com/x       | not http:// or https://",
  })
  void shouldRejectAUrlAClientCannotUse(String key, String url, String reason) {
    String yaml = MINIMAL + (key.startsWith("platforms") ? "platforms: { x: { baseUrl: \"%s\" } }"
        : "alerts: { " + key.substring(7, key.indexOf('[')) + ": [ { type: webhook, url: \"%s\" } ] }").formatted(url);
    ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(yaml, "bad.yaml"));
    assertEquals("bad.yaml: " + key + ": not a valid URL (" + reason + ")", e.getMessage());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({"'not a host!'", "''", "exa_mple.test", "-acme.test", "acme-.test", "acme..test", "999.1.1.1", "10.0.0",
      "1.2.3.4.5", "'[::1]'", "::1::2", "localhost:8080"})
  void shouldRejectAServerHostNoServerCanBindTo(String host) {
    String yaml = MINIMAL + "server: { host: \"" + host + "\" }\n";
    ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(yaml, "bad.yaml"));
    assertEquals("bad.yaml: server.host: expected a host name or an IP address (IPv6 without brackets), got '" + host
        + "'", e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"127.0.0.1", "0.0.0.0", "255.255.255.255", "localhost", "replywatch-1.internal.example.com", "::1", "::",
      "fe80::1%eth0", "2001:db8::8a2e:370:7334"})
  void shouldAcceptAServerHostNameOrIpAddress(String host) {
    assertEquals(host, loader.parse(MINIMAL + "server: { host: \"" + host + "\" }\n", "ok.yaml").server().host());
  }

  @Test
  void shouldRejectAWebhookUrlFromTheEnvironmentWithoutShowingIt() {
    ConfigLoader withSpace = new ConfigLoader(Map.of("SLACK_WEBHOOK_URL", "https://hooks.test/T/B/secret3 ")::get);
    String yaml = MINIMAL + "alerts: { support: [ { type: slack, url: \"${SLACK_WEBHOOK_URL}\" } ] }\n";
    ConfigException e = assertThrows(ConfigException.class, () -> withSpace.parse(yaml, "bad.yaml"));
    assertEquals("bad.yaml: alerts.support[0].url: the value from ${SLACK_WEBHOOK_URL} is not a valid URL"
        + " (space at the end)", e.getMessage());
  }

  @Test
  void shouldAcceptUrlsWithPortsUserInfoAndIpv6Hosts() {
    ReplywatchConfig c = loader.parse(MINIMAL + """
        platforms: { mastodon: { baseUrl: "http://127.0.0.1:8081/" } }
        alerts:
          support: [ { type: webhook, url: "https://[::1]:8443/hook?token=abc" } ]
          paging: [ { type: alertmanager, url: "http://user:pw@alertmanager.internal:9093" } ]
        """, "ok.yaml");
    assertEquals("http://127.0.0.1:8081", c.platforms().get(Platform.MASTODON).baseUrl());
    assertEquals("https://[::1]:8443/hook?token=abc", c.alerts().support().get(0).url().reveal());
  }

  @Test
  void shouldAcceptDurationsUpToTheirLimits() {
    ReplywatchConfig c = loader.parse(MINIMAL + """
        platforms: { x: { pollInterval: 1d, backfill: 365d }, reddit: { backfill: 0s } }
        sla: { policies: [ { warning: 1ms, breach: 365d } ] }
        """, "max.yaml");
    assertEquals(Duration.ofDays(1), c.platforms().get(Platform.X).pollInterval());
    assertEquals(Duration.ofDays(365), c.platforms().get(Platform.X).backfill());
    assertEquals(Duration.ZERO, c.platforms().get(Platform.REDDIT).backfill());
    assertEquals(Optional.of(Duration.ofDays(365)), c.policies().get(0).breach());
  }

  @Test
  void shouldReadTheDeletedCheckIntervalOrOff() {
    ReplywatchConfig c = loader.parse(MINIMAL + """
        platforms: { x: { deletedCheck: off }, reddit: { deletedCheck: 15m }, bluesky: { deletedCheck: "off" } }
        """, "deleted.yaml");
    assertEquals(Optional.empty(), c.platforms().get(Platform.X).deletedCheck());
    assertEquals(Optional.empty(), c.platforms().get(Platform.BLUESKY).deletedCheck());
    assertEquals(Optional.of(Duration.ofMinutes(15)), c.platforms().get(Platform.REDDIT).deletedCheck());
    assertEquals(Optional.of(Duration.ofMinutes(10)), c.platforms().get(Platform.MASTODON).deletedCheck(), "default");
  }

  @Test
  void shouldReadBusinessHoursCalendarsAndAttachThemToPolicies() {
    ReplywatchConfig c = loader.parse(MINIMAL + """
        sla:
          calendars:
            support-eu:
              timezone: Europe/Berlin
              hours: { mon-fri: ["09:00-12:00", "13:00-18:00"], sat: ["10:00-14:00"], sun-sun: "00:00-24:00" }
              holidays: ["2026-12-25", "2026-12-26"]
          policies:
            - { match: { category: complaint }, warning: 30m, breach: 60m, calendar: support-eu }
            - { match: { category: question }, warning: 30m }
        """, "cal.yaml");
    ReplywatchConfig.Calendar cal = c.policies().get(0).calendar().orElseThrow();
    assertEquals(java.time.ZoneId.of("Europe/Berlin"), cal.zone());
    assertEquals(2, cal.hours().get(java.time.DayOfWeek.WEDNESDAY).size());
    assertEquals(java.time.LocalTime.of(13, 0), cal.hours().get(java.time.DayOfWeek.FRIDAY).get(1).start());
    assertEquals(java.time.LocalTime.of(14, 0), cal.hours().get(java.time.DayOfWeek.SATURDAY).get(0).end());
    assertTrue(cal.hours().get(java.time.DayOfWeek.SUNDAY).get(0).endsAtMidnight());
    assertTrue(cal.holidays().contains(java.time.LocalDate.of(2026, 12, 26)));
    assertEquals(Optional.empty(), c.policies().get(1).calendar(), "without a calendar the clock runs 24/7");
  }

  /** Business hours one Monday window long, for the checks that a target is reached within 20 years. */
  private static String mondays(String window, String holidays, String targets) {
    return MINIMAL + "sla:\n  calendars: { cal: { timezone: Europe/Berlin, hours: { mon: [\"" + window + "\"] }"
        + holidays + " } }\n  policies:\n    - { match: { category: praise } }\n    - { " + targets
        + ", calendar: cal }\n";
  }

  private static final ConfigLoader AT_2026 =
      new ConfigLoader(ENV::get, Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC));

  @ParameterizedTest(name = "{0} with {1}")
  @CsvSource(delimiter = '|', value = {
      // window   | targets              | refusal (none: accepted)
      "09:00-09:01 | breach: 365d         | sla.policies[1].breach: 365d of business time under calendar 'cal' takes more than 20 years (the calendar is open 1m a week)",
      "09:00-09:01 | warning: 30m, breach: 2d | sla.policies[1].breach: 2d of business time under calendar 'cal' takes more than 20 years (the calendar is open 1m a week)",
      "09:00-09:01 | warning: 2d          | sla.policies[1].warning: 2d of business time under calendar 'cal' takes more than 20 years (the calendar is open 1m a week)",
      "09:00-09:01 | warning: 17h         | ",
      // 20 years hold 1,043 or 1,044 Mondays: 8h each is 347d of business time, 9h each is 391d
      "09:00-17:00 | breach: 365d         | sla.policies[1].breach: 365d of business time under calendar 'cal' takes more than 20 years (the calendar is open 8h a week)",
      "09:00-18:00 | breach: 365d         | ",
      "00:00-24:00 | breach: 365d         | ",
  })
  void shouldRefuseATargetTheCalendarDoesNotReachInTwentyYears(String window, String targets, String refusal) {
    String yaml = mondays(window, "", targets);
    if (refusal == null) {
      assertTrue(AT_2026.parse(yaml, "ok.yaml").policies().get(1).calendar().isPresent());
      return;
    }
    ConfigException e = assertThrows(ConfigException.class, () -> AT_2026.parse(yaml, "cal.yaml"));
    assertEquals("cal.yaml: " + refusal, e.getMessage());
  }

  @Test
  void shouldRefuseACalendarWhoseHolidaysCoverEveryWindow() {
    // every Monday of the next 21 years a holiday: the calendar never opens
    String every = java.util.stream.Stream.iterate(LocalDate.of(2026, 11, 23), d -> d.plusWeeks(1)).limit(52 * 21)
        .map(d -> "\"" + d + "\"").collect(java.util.stream.Collectors.joining(", "));
    ConfigException e = assertThrows(ConfigException.class,
        () -> AT_2026.parse(mondays("09:00-18:00", ", holidays: [" + every + "]", "warning: 1m"), "cal.yaml"));
    assertEquals("cal.yaml: sla.policies[1].warning: 1m of business time under calendar 'cal' takes more than 20"
        + " years (the calendar is open 9h a week; with its holidays, 0s in the next 20 years)", e.getMessage());
    // a year's worth of holidays only delays the clock
    String year = every.substring(0, every.indexOf("\"2027-11-22\""));
    assertTrue(AT_2026.parse(mondays("09:00-18:00", ", holidays: [" + year + "\"2027-11-22\"]", "warning: 1m"),
        "ok.yaml").policies().get(1).warning().isPresent());
  }

  @Test
  void shouldNeverPutASecretInAnError() {
    String yaml = MINIMAL + "alerts: { support: [ { type: slack, url: \"${SLACK_WEBHOOK_URL}x y\" } ] }\n"
        + "server: { port: \"${X_BEARER_TOKEN}\" }\n";
    ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(yaml, "bad.yaml"));
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
    assertTrue(e.getMessage().contains("got a value from ${X_BEARER_TOKEN}"), e.getMessage());
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', value = {
      "'' | the file is empty",
      "'brands: [' | line ",
      "'brands: []' | brands: at least one brand is required",
      "'- just\\n- a list' | expected a mapping",
  })
  void shouldRejectBrokenFiles(String yaml, String expected) {
    ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(yaml.replace("\\n", "\n"), "broken.yaml"));
    assertTrue(e.getMessage().startsWith("broken.yaml: ") && e.getMessage().contains(expected), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"${MASTODON_TOKEN", "${}", "${MASTODON-TOKEN}", "x-${MASTODON_TOKEN}-${oops"})
  void shouldRefuseAReferenceToTheEnvironmentThatIsNotOne(String token) {
    String yaml = MINIMAL.replace("token: t", "token: \"" + token + "\"");
    ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(yaml, "broken.yaml"));
    assertEquals("broken.yaml: brands[0].accounts[0].token: '${' without a valid ${VAR} or ${VAR:-default} after it"
        + " (a missing '}', or a name that is not letters, digits and _)", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"''", "'  '", ":memory:"})
  void shouldRefuseAStorePathThatIsNoFile(String path) {
    // SQLite opens a private, empty store per connection for these: run failed later with "no such table: outbox".
    ConfigException e = assertThrows(ConfigException.class,
        () -> loader.parse(MINIMAL + "storage: { path: \"" + path + "\" }\n", "f.yaml"));
    assertTrue(e.getMessage().startsWith("f.yaml: storage.path: expected a file path"), e.getMessage());
  }

  @Test
  void shouldRefuseAStorePathThatIsADirectory(@TempDir Path dir) {
    ConfigException e = assertThrows(ConfigException.class,
        () -> loader.parse(MINIMAL + "storage: { path: \"" + dir + "\" }\n", "f.yaml"));
    assertEquals("f.yaml: storage.path: '" + dir + "' is a directory; name a file in it, e.g. "
        + dir.resolve("replywatch.db"), e.getMessage());
    // Replay opens no store, so what the path is on this machine is not its concern.
    assertEquals(dir.toString(), ConfigLoader.withoutSecrets(ENV::get)
        .parse(MINIMAL + "storage: { path: \"" + dir + "\" }\n", "f.yaml").storage().path());
  }

  @Test
  void shouldRefuseAnAccountListedTwice() {
    // Its two pollers would share one cursor, each skipping what the other had read.
    ConfigException twice = assertThrows(ConfigException.class, () -> loader.parse(MINIMAL
        + "      - { platform: mastodon, id: \"1\", handle: acme2, token: t2 }\n", "f.yaml"));
    assertEquals("f.yaml: brands[0].accounts[1].id: the mastodon account '1' is already listed at"
        + " brands[0].accounts[0] (one account belongs to one brand, once)", twice.getMessage());
    ConfigException twoBrands = assertThrows(ConfigException.class, () -> loader.parse(MINIMAL
        + "  - id: other\n    accounts:\n      - { platform: mastodon, id: \"1\", handle: acme, token: t }\n", "f.yaml"));
    assertTrue(twoBrands.getMessage().startsWith("f.yaml: brands[1].accounts[0].id: the mastodon account '1'"),
        twoBrands.getMessage());
    // Cursors are kept by handle: the same handle is the same account too.
    ConfigException handle = assertThrows(ConfigException.class, () -> loader.parse(MINIMAL
        + "      - { platform: mastodon, id: \"2\", handle: acme, token: t }\n", "f.yaml"));
    assertEquals("f.yaml: brands[0].accounts[1].handle: the mastodon account 'acme' is already listed at"
        + " brands[0].accounts[0] (one account belongs to one brand, once)", handle.getMessage());
    ConfigException upper = assertThrows(ConfigException.class, () -> loader.parse(MINIMAL
        + "      - { platform: mastodon, id: \"2\", handle: ACME, token: t }\n", "f.yaml"));
    assertTrue(upper.getMessage().contains("the mastodon account 'ACME' is already listed at brands[0].accounts[0]"),
        upper.getMessage());
    // The same id and handle on another platform is another account.
    loader.parse(MINIMAL + "      - { platform: x, id: \"1\", handle: acme, token: t }\n", "f.yaml");
  }

  @Test
  void shouldRefuseAFileTooLargeToBeAConfig(@TempDir Path dir) throws Exception {
    // Read whole, /dev/zero or a log file given by mistake ran out of heap.
    Path file = dir.resolve("huge.yaml");
    Files.write(file, new byte[(1 << 20) + 1]);
    ConfigException e = assertThrows(ConfigException.class, () -> loader.load(file));
    assertEquals(file + ": larger than 1 MB: not a config file", e.getMessage());
  }

  @Test
  void shouldSayPlainlyThatTheTopLevelIsNotAMapping() {
    ConfigException e = assertThrows(ConfigException.class, () -> loader.parse("- just\n- a list\n", "broken.yaml"));
    assertEquals("broken.yaml: expected a mapping of keys, got a list", e.getMessage());
  }

  @Test
  void shouldListTheExpectedKeysInTheSameOrderEveryRun() {
    ConfigException e = assertThrows(ConfigException.class, () -> loader.parse("global: {}\n" + MINIMAL, "broken.yaml"));
    assertEquals("broken.yaml: global: unknown key (expected one of alerts, brands, classifier, platforms, server, sla, storage)",
        e.getMessage());
  }

  @Test
  void shouldSayAFileThatIsNotUtf8IsNot(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, "brands: [{ id: caf\u00e9 }]\n".getBytes(StandardCharsets.ISO_8859_1));
    ConfigException e = assertThrows(ConfigException.class, () -> loader.load(file));
    assertEquals(file + ": not UTF-8 text", e.getMessage());
  }

  @Test
  void shouldSayWhenTheFileIsMissing() {
    ConfigException e = assertThrows(ConfigException.class, () -> loader.load(Path.of("no/such.yaml")));
    assertEquals("no/such.yaml: no such file", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"500ms,500", "30s,30000", "30m,1800000", "1h30m,5400000", "2d,172800000"})
  void shouldParseDurations(String text, long millis) {
    assertEquals(Optional.of(Duration.ofMillis(millis)), Durations.parse(text));
  }

  @ParameterizedTest
  @CsvSource({"99999999999999999d", "9223372036854775808ms", "999999999999999999999999d1s", "106751d23h47m16s855ms"})
  void shouldParseADurationTooLongForNanosecondsAsTheMaximum(String text) {
    assertEquals(Optional.of(Durations.MAX), Durations.parse(text));
  }

  @ParameterizedTest
  @CsvSource({"30", "m30", "30 m", "-5s", "1h-5m", "99999999999999999999999d-1s", "99999999999999999999999x",
      "30m30m", "30s1h", "1m1ms1s"})
  void shouldRejectBadDurations(String text) {
    assertEquals(Optional.empty(), Durations.parse(text));
  }
}
