package io.replywatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.replywatch.classify.Category;
import io.replywatch.classify.ClassifierRules;
import io.replywatch.config.Node.ConfigFailure;
import io.replywatch.config.ReplywatchConfig.Account;
import io.replywatch.config.ReplywatchConfig.Alerts;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.config.ReplywatchConfig.Channel;
import io.replywatch.config.ReplywatchConfig.PlatformSettings;
import io.replywatch.config.ReplywatchConfig.Policy;
import io.replywatch.sla.calendar.BusinessHours;
import io.replywatch.time.Durations;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads {@code replywatch.yaml} once into an immutable {@link ReplywatchConfig}, substituting the environment and
 * validating every key. The only class below Main that reads a file or the environment (style rule 7).
 */
public final class ConfigLoader {
  static final Set<String> CHANNEL_TYPES = Set.of("slack", "teams", "webhook", "pagerduty", "alertmanager", "console");
  static final String PAGERDUTY_URL = "https://events.pagerduty.com/v2/enqueue";
  // Upper bounds no real setting reaches, so a slip of the keyboard (999999999999d) is an error here instead of a
  // deadline or a start time past what java.time can hold, which crashed replay and the pollers.
  static final Duration MAX_POLL_INTERVAL = Duration.ofDays(1);
  static final Duration MAX_BACKFILL = Duration.ofDays(365);
  static final Duration MAX_TARGET = Duration.ofDays(365);

  static final int MAX_CONFIG_BYTES = 1 << 20;

  /** What an unset variable stands for while looking for the others: valid as a token and as a URL. */
  private static final String UNSET_STAND_IN = "https://unset.invalid/";
  private static final int MAX_UNSET_LISTED = 20;

  private final Function<String, String> env;
  private final boolean secrets;
  private final Clock clock;

  public ConfigLoader(Function<String, String> env) {
    this(env, Clock.systemUTC());
  }

  /** {@code clock} is when the calendar check starts counting business time: holidays are dates. */
  public ConfigLoader(Function<String, String> env, Clock clock) {
    this(env, true, clock);
  }

  private ConfigLoader(Function<String, String> env, boolean secrets, Clock clock) {
    this.env = env;
    this.secrets = secrets;
    this.clock = clock;
  }

  public static ConfigLoader fromSystemEnv() {
    return new ConfigLoader(System::getenv);
  }

  /**
   * For replay, which takes only policies, calendars and brands from a config: account tokens and alert channels
   * (the secrets) are not read, so the production config replays without its tokens set. Their keys are still
   * checked for typos.
   */
  public static ConfigLoader withoutSecrets(Function<String, String> env) {
    return new ConfigLoader(env, false, Clock.systemUTC());
  }

  /** Loads a file; any problem becomes a {@link ConfigException} naming the file and key path. */
  public ReplywatchConfig load(Path file) {
    String text;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      // Read with a limit: --config /dev/zero (or a log file by mistake) filled the heap, and the out-of-memory
      // advice to give Java more heap was wrong for a config.
      byte[] bytes = in.readNBytes(MAX_CONFIG_BYTES + 1);
      if (bytes.length > MAX_CONFIG_BYTES) {
        throw new ConfigException(file + ": larger than " + MAX_CONFIG_BYTES / (1 << 20) + " MB: not a config file");
      }
      text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": no such file");
    } catch (CharacterCodingException e) {
      throw new ConfigException(file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  /** Parses config text; {@code source} names it in errors. */
  public ReplywatchConfig parse(String yaml, String source) {
    JsonNode root = YamlReader.read(yaml, source);
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new ConfigException(source + ": the file is empty");
    }
    try {
      return read(new Node(root, "", new EnvSubstitution(env)));
    } catch (ConfigFailure e) {
      throw new ConfigException(source + ": " + e.getMessage() + (e.unset == null ? "" : alsoUnset(root, e.unset)));
    }
  }

  /**
   * The other variables the config needs that are not set either, so that a new user setting up the example config
   * learns of all of them at once rather than one per run. Found by loading again with each unset variable found so
   * far given a stand-in value, until the load passes or fails for another reason (a stand-in a key cannot take).
   */
  private String alsoUnset(JsonNode root, EnvSubstitution.Unset first) {
    Set<String> unset = new HashSet<>(Set.of(first.name));
    List<String> more = new ArrayList<>();
    Function<String, String> patched = name -> unset.contains(name) ? UNSET_STAND_IN : env.apply(name);
    for (int i = 0; i < MAX_UNSET_LISTED; i++) {
      try {
        new ConfigLoader(patched, secrets, clock).read(new Node(root, "", new EnvSubstitution(patched)));
        break;
      } catch (ConfigFailure f) {
        if (f.unset == null || !unset.add(f.unset.name)) {
          break;
        }
        more.add(f.unset.name + " (" + f.unset.path + ")");
      } catch (RuntimeException other) {
        break;
      }
    }
    return more.isEmpty() ? "" : "; also not set: " + String.join(", ", more);
  }

  private ReplywatchConfig read(Node root) {
    root.requireObject(Set.of("server", "storage", "brands", "platforms", "classifier", "sla", "alerts"));
    Node server = root.get("server").requireObject(Set.of("host", "port"));
    ReplywatchConfig.Server srv = new ReplywatchConfig.Server(
        server.get("host").parse(Urls::host, "127.0.0.1", "a host name or an IP address (IPv6 without brackets)"),
        server.get("port").parse(ConfigLoader::port, 8080, "a port number 0-65535"));
    Node storage = root.get("storage").requireObject(Set.of("path"));
    Node storePath = storage.get("path");
    var store = new ReplywatchConfig.Storage(storePath.parse(ConfigLoader::storePath, "data/replywatch.db",
        "a file path (SQLite's in-memory and temporary stores, \":memory:\" and \"\", are not shared between"
        + " the service's connections)"));
    if (secrets && Files.isDirectory(Path.of(store.path()))) {
      // SQLite says only "unable to open database file" when run reaches it. Not for replay, which opens no store:
      // a production config must replay on any machine.
      throw storePath.fail("'" + store.path() + "' is a directory; name a file in it, e.g. " + Path.of(store.path(),
          "replywatch.db"));
    }
    List<Brand> brands = brands(root.get("brands"));
    Map<Platform, PlatformSettings> platforms = platforms(root.get("platforms"));
    Node sla = root.get("sla").requireObject(Set.of("policies", "calendars"));
    List<Policy> policies = policies(sla.get("policies"), CalendarConfig.read(sla.get("calendars")), clock.instant());
    Node alerts = root.get("alerts").requireObject(Set.of("support", "paging"));
    Alerts routing = secrets
        ? new Alerts(channels(alerts.get("support"), true), channels(alerts.get("paging"), false))
        : new Alerts(List.of(), List.of());
    return new ReplywatchConfig(srv, store, brands, platforms, policies, routing,
        classifierRules(root.get("classifier")));
  }

  /**
   * {@code classifier}: rules that force a category before the model is asked (product.md §2), each a map from a
   * category to its list: {@code vipAuthors} (handles, with or without {@code @}) first, then {@code keywords}
   * (whole words or phrases, any case, in the order written).
   */
  private static ClassifierRules classifierRules(Node node) {
    if (node.isMissing()) {
      return ClassifierRules.NONE;
    }
    node.requireObject(Set.of("keywords", "vipAuthors"));
    return ClassifierRules.fromConfig(byCategory(node.get("keywords")), byCategory(node.get("vipAuthors")));
  }

  private static Map<String, List<String>> byCategory(Node node) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (node.isMissing()) {
      return out;
    }
    node.requireObject(Set.copyOf(node.keys()));
    for (String id : node.keys()) {
      Node words = node.get(id);
      if (Category.parse(id).isEmpty()) {
        throw words.fail("unknown category '" + id + "': one of complaint, question, praise, neutral");
      }
      out.put(id, strings(words));
    }
    return out;
  }

  private List<Brand> brands(Node node) {
    List<Node> items = node.list();
    if (items.isEmpty()) {
      throw node.fail("at least one brand is required");
    }
    List<Brand> brands = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    // Pollers store their cursors per (platform, account handle): two pollers of one account would share them, each
    // skipping what the other read (a mention landing in either brand), each spending the rate limit as its own.
    // An account is known by its id and by its handle, so either repeated is the same account.
    Map<String, String> accountPaths = new java.util.HashMap<>();
    for (Node b : items) {
      b.requireObject(Set.of("id", "accounts", "automatedAccounts", "keywords", "subreddits"));
      String id = b.get("id").requireText();
      if (!id.matches("[a-z0-9][a-z0-9_-]{0,62}")) {
        throw b.get("id").fail("must be lower-case letters, digits, '-' or '_' (it becomes a metric label)");
      }
      if (!ids.add(id)) {
        throw b.get("id").fail("duplicate brand id '" + id + "'");
      }
      List<Account> accounts = new ArrayList<>();
      for (Node a : b.get("accounts").list()) {
        Account account = account(a);
        String first = accountPaths.putIfAbsent(account.platform().id() + " id " + account.id(), a.path());
        if (first != null) {
          throw a.get("id").fail("the " + account.platform().id() + " account '" + account.id()
              + "' is already listed at " + first + " (one account belongs to one brand, once)");
        }
        // Handles in any case: the platforms treat "ACME" and "acme" as one account (and so does isAutomated).
        first = accountPaths.putIfAbsent(account.platform().id() + " handle "
            + account.handle().toLowerCase(java.util.Locale.ROOT), a.path());
        if (first != null) {
          throw a.get("handle").fail("the " + account.platform().id() + " account '" + account.handle()
              + "' is already listed at " + first + " (one account belongs to one brand, once)");
        }
        accounts.add(account);
      }
      if (accounts.isEmpty()) {
        throw b.get("accounts").fail("at least one account is required");
      }
      Set<String> automated = new LinkedHashSet<>(strings(b.get("automatedAccounts")));
      List<String> keywords = strings(b.get("keywords"));
      brands.add(new Brand(id, List.copyOf(accounts), Set.copyOf(automated), keywords,
          subreddits(b.get("subreddits"), keywords, accounts)));
    }
    return List.copyOf(brands);
  }

  /**
   * Subreddit names, {@code r/} prefix dropped. Their comments are matched against the keywords, so there must be
   * keywords, and a Reddit account to read them with.
   */
  private static List<String> subreddits(Node node, List<String> keywords, List<Account> accounts) {
    List<String> out = new ArrayList<>();
    for (Node n : listOrOne(node)) {
      String name = n.requireText().replaceFirst("^/?r/", "");
      if (!name.matches("[A-Za-z0-9][A-Za-z0-9_]{1,20}")) {
        throw n.fail("'" + n.requireText() + "' is not a subreddit name (2-21 letters, digits or '_', as in r/acme)");
      }
      out.add(name);
    }
    if (!out.isEmpty() && keywords.isEmpty()) {
      throw node.fail("subreddit comments are matched against the brand's keywords, and it has none");
    }
    if (!out.isEmpty() && accounts.stream().noneMatch(a -> a.platform() == Platform.REDDIT)) {
      throw node.fail("subreddits are read with the brand's Reddit account, and it has none");
    }
    return List.copyOf(out);
  }

  private Account account(Node a) {
    a.requireObject(Set.of("platform", "id", "handle", "token"));
    String name = a.get("platform").requireText();
    Platform platform = Platform.parse(name).orElseThrow(() ->
        a.get("platform").fail("unknown platform '" + name + "' (one of " + platformNames() + ")"));
    // Every platform's API needs one to read mentions: without it the source would start blind.
    return new Account(platform, a.get("id").requireText(), a.get("handle").requireText(),
        new Secret(secrets ? a.get("token").requireText() : ""));
  }

  private static Map<Platform, PlatformSettings> platforms(Node node) {
    node.requireObject(Arrays.stream(Platform.values()).map(Platform::id).collect(Collectors.toSet()));
    Map<Platform, PlatformSettings> out = new EnumMap<>(Platform.class);
    for (Platform p : Platform.values()) {
      Node n = node.get(p.id()).requireObject(Set.of("baseUrl", "pollInterval", "backfill", "deletedCheck"));
      String url = requireUrl(n.get("baseUrl"), n.get("baseUrl").text().orElse(defaultBaseUrl(p)));
      Duration interval =
          duration(n.get("pollInterval"), Duration.ofSeconds(60), "a duration like 30s", MAX_POLL_INTERVAL);
      if (interval.compareTo(Duration.ofMillis(10)) < 0) {
        throw n.get("pollInterval").fail("must be at least 10ms");
      }
      Duration backfill = duration(n.get("backfill"), Duration.ofHours(24), "a duration like 24h", MAX_BACKFILL);
      out.put(p, new PlatformSettings(url.replaceAll("/+$", ""), interval, backfill, deletedCheck(n.get("deletedCheck"))));
    }
    return out;
  }

  /**
   * {@code deletedCheck}: how often a poller looks up its open episodes' posts (default 10m), or {@code off}. At
   * least a minute: each check spends requests, and a close needs two checks anyway.
   */
  private static Optional<Duration> deletedCheck(Node n) {
    // A YAML 1.1 reader may turn an unquoted off into false: both mean off.
    if (n.text().map(String::trim).filter(v -> v.equals("off") || v.equals("false")).isPresent()) {
      return Optional.empty();
    }
    Duration every = duration(n, PlatformSettings.DELETED_CHECK, "a duration like 10m, or off", MAX_POLL_INTERVAL);
    if (every.compareTo(Duration.ofMinutes(1)) < 0) {
      throw n.fail("must be at least 1m, or off");
    }
    return Optional.of(every);
  }

  private static String defaultBaseUrl(Platform p) {
    return switch (p) {
      case X -> "https://api.x.com";
      case MASTODON -> "https://mastodon.social";
      case BLUESKY -> "https://bsky.social";
      case REDDIT -> "https://oauth.reddit.com";
    };
  }

  private static List<Policy> policies(Node node, Map<String, ReplywatchConfig.Calendar> calendars, Instant now) {
    if (node.isMissing()) {
      return defaultPolicies();
    }
    List<Policy> out = new ArrayList<>();
    for (Node p : node.list()) {
      p.requireObject(Set.of("match", "warning", "breach", "calendar"));
      Node match = p.get("match").requireObject(Set.of("brand", "platform", "category"));
      Set<String> brands = Set.copyOf(strings(match.get("brand")));
      Set<Platform> platforms = new HashSet<>();
      for (Node v : listOrOne(match.get("platform"))) {
        platforms.add(v.parse(Platform::parse, null, "one of " + platformNames()));
      }
      Set<Category> categories = new HashSet<>();
      for (Node v : listOrOne(match.get("category"))) {
        categories.add(v.parse(Category::parse, null, "one of complaint, question, praise, neutral"));
      }
      Optional<Duration> warning = target(p.get("warning"), "a duration like 30m");
      Optional<Duration> breach = target(p.get("breach"), "a duration like 60m");
      if (warning.isPresent() && breach.isPresent() && warning.get().compareTo(breach.get()) > 0) {
        throw p.get("warning").fail("must not be longer than breach (" + Durations.format(breach.get()) + ")");
      }
      Optional<ReplywatchConfig.Calendar> calendar = p.get("calendar").text().map(name -> Optional.ofNullable(
          calendars.get(name)).orElseThrow(() -> p.get("calendar").fail("unknown calendar '" + name + "' (defined in "
          + "sla.calendars: " + (calendars.isEmpty() ? "none" : String.join(", ", sorted(calendars.keySet()))) + ")")));
      if (calendar.isPresent() && (breach.isPresent() || warning.isPresent())) {
        // warning is never longer than breach, so the longest target present is the one to check
        requireReachable(p.get(breach.isPresent() ? "breach" : "warning"), breach.or(() -> warning).get(),
            calendar.get(), now);
      }
      out.add(new Policy(brands, Set.copyOf(platforms), Set.copyOf(categories), warning, breach, calendar));
    }
    return List.copyOf(out);
  }

  /** An SLA target: more than zero (a zero target would fire on every mention) and at most {@link #MAX_TARGET}. */
  private static Optional<Duration> target(Node n, String expected) {
    Duration d = duration(n, null, expected, MAX_TARGET);
    if (d != null && d.isZero()) {
      throw n.fail("must be longer than 0s (leave the key out for no alert at this level)");
    }
    return Optional.ofNullable(d);
  }

  /**
   * Refuses a target the calendar's clock does not run within {@link BusinessHours#HORIZON} from now: at run time
   * its deadline search would give up and the episode never alert. Measured with the calendar itself, so DST and
   * the listed holidays count, and a calendar whose holidays cover every window is refused for any target.
   */
  private static void requireReachable(Node n, Duration target, ReplywatchConfig.Calendar cal, Instant now) {
    Instant end = now.atZone(cal.zone()).plus(BusinessHours.HORIZON).toInstant();
    Duration open = cal.businessHours().elapsed(now, end);
    if (open.compareTo(target) < 0) {
      int years = BusinessHours.HORIZON.getYears();
      String holidays = cal.holidays().isEmpty() ? ""
          : "; with its holidays, " + inDays(open) + " in the next " + years + " years";
      throw n.fail(inDays(target) + " of business time under calendar '" + cal.name() + "' takes more than " + years
          + " years (the calendar is open " + inDays(CalendarConfig.perWeek(cal)) + " a week" + holidays + ")");
    }
  }

  /** Like {@link Durations#format} but with days, as targets are written: "365d", not "8760h". */
  private static String inDays(Duration d) {
    Duration rest = d.minusDays(d.toDays());
    return d.toDays() == 0 ? Durations.format(d) : d.toDays() + "d" + (rest.isZero() ? "" : Durations.format(rest));
  }

  /** A duration no longer than {@code max} (whole days), or {@code fallback} when the key is absent. */
  private static Duration duration(Node n, Duration fallback, String expected, Duration max) {
    Duration d = n.parse(Durations::parse, fallback, expected);
    if (d != null && d.compareTo(max) > 0) {
      throw n.fail("must be at most " + max.toDays() + "d");
    }
    return d;
  }

  /** product.md §2: complaint and question warn at 30 and page at 60 minutes; the rest is only measured. */
  public static List<Policy> defaultPolicies() {
    return List.of(
        new Policy(Set.of(), Set.of(), Set.of(Category.COMPLAINT, Category.QUESTION),
            Optional.of(Duration.ofMinutes(30)), Optional.of(Duration.ofMinutes(60))),
        new Policy(Set.of(), Set.of(), Set.of(), Optional.empty(), Optional.empty()));
  }

  private static List<Channel> channels(Node node, boolean support) {
    List<Channel> out = new ArrayList<>();
    for (Node c : node.list()) {
      c.requireObject(support ? Set.of("type", "url", "routingKey", "quietHours", "runbookUrl")
          : Set.of("type", "url", "routingKey", "runbookUrl"));
      String type = c.get("type").requireText();
      if (!CHANNEL_TYPES.contains(type)) {
        throw c.get("type").fail("unknown channel type '" + type + "' (one of " + String.join(", ", sorted(CHANNEL_TYPES)) + ")");
      }
      Secret url = new Secret(c.get("url").text().orElse(type.equals("pagerduty") ? PAGERDUTY_URL : ""));
      Secret key = new Secret(c.get("routingKey").text().orElse(""));
      if (!type.equals("console")) {
        if (url.isEmpty()) {
          throw c.get("url").fail("is required for a " + type + " channel");
        }
        requireUrl(c.get("url"), url.reveal());
      }
      if (type.equals("pagerduty") && key.isEmpty()) {
        throw c.get("routingKey").fail("is required for a pagerduty channel");
      }
      Optional<String> runbook = c.get("runbookUrl").text().map(u -> requireUrl(c.get("runbookUrl"), u.trim()));
      if (runbook.isPresent() && !type.equals("alertmanager") && !type.equals("pagerduty")) {
        throw c.get("runbookUrl").fail("only alertmanager and pagerduty channels carry a runbook link");
      }
      out.add(new Channel(type, url, key, quietHours(c.get("quietHours")), runbook));
    }
    return List.copyOf(out);
  }

  /**
   * An absolute http(s) URL with a host and no whitespace. The error says what is wrong and where the value came
   * from, never what it is: a webhook URL is a secret.
   */
  private static String requireUrl(Node n, String url) {
    Optional<String> problem = Urls.problem(url);
    if (problem.isPresent()) {
      String what = n.envReference().map(ref -> "the value from " + ref + " is not").orElse("not");
      throw n.fail(what + " a valid URL (" + problem.get() + ")");
    }
    return url;
  }

  /** {@code quietHours: { timezone: Europe/Berlin, from: "22:00", to: "07:00" }} on a support channel. */
  private static Optional<io.replywatch.config.QuietHours> quietHours(Node q) {
    if (q.isMissing()) {
      return Optional.empty();
    }
    q.requireObject(Set.of("timezone", "from", "to"));
    java.time.ZoneId zone = q.get("timezone").parse(ConfigLoader::zone, null, "a time zone like Europe/Berlin");
    if (zone == null) {
      throw q.get("timezone").fail("is required");
    }
    java.time.LocalTime from = q.get("from").parse(ConfigLoader::time, null, "a time like 22:00");
    java.time.LocalTime to = q.get("to").parse(ConfigLoader::time, null, "a time like 07:00");
    if (from == null || to == null) {
      throw q.fail("needs from and to");
    }
    if (from.equals(to)) {
      throw q.get("to").fail("must differ from 'from'");
    }
    return Optional.of(new io.replywatch.config.QuietHours(zone, from, to));
  }

  private static Optional<java.time.ZoneId> zone(String s) {
    try {
      return Optional.of(java.time.ZoneId.of(s));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<java.time.LocalTime> time(String s) {
    try {
      return s.matches("\\d{2}:\\d{2}") ? Optional.of(java.time.LocalTime.parse(s)) : Optional.empty();
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  private static List<Node> listOrOne(Node node) {
    if (node.isMissing()) {
      return List.of();
    }
    try {
      return node.list();
    } catch (ConfigFailure notAList) {
      return List.of(node);
    }
  }

  private static List<String> strings(Node node) {
    List<String> out = new ArrayList<>();
    for (Node n : listOrOne(node)) {
      out.add(n.requireText());
    }
    return List.copyOf(out);
  }

  /** Blank and ":memory:" open a private store per JDBC connection: the service's readers would find no tables. */
  private static Optional<String> storePath(String s) {
    if (s.isEmpty() || s.equals(":memory:")) {
      return Optional.empty();
    }
    try {
      Path.of(s);
      return Optional.of(s);
    } catch (java.nio.file.InvalidPathException e) {
      return Optional.empty();
    }
  }

  private static Optional<Integer> port(String s) {
    try {
      int p = Integer.parseInt(s);
      return p >= 0 && p <= 65535 ? Optional.of(p) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String platformNames() {
    return Arrays.stream(Platform.values()).map(Platform::id).collect(Collectors.joining(", "));
  }

  private static List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }
}
