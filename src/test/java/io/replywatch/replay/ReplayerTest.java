package io.replywatch.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.classify.model.Classifiers;
import io.replywatch.config.ConfigLoader;
import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replays the hand-written fixtures in src/test/resources/replay. Every category has the same 30/60-minute
 * targets there, so the exact figures hold whichever classifier is the default.
 */
class ReplayerTest {
  static final Path TWCS = Path.of("src/test/resources/replay/twcs_fixture.csv");
  static final Path JSONL = Path.of("src/test/resources/replay/history.jsonl");
  static final Path CONFIG = Path.of("src/test/resources/replay/all-categories.yaml");
  private static final List<String> NAMES = List.of("episodes", "with_targets", "answered", "response_seconds_p50",
      "response_seconds_p90", "within_warning", "within_breach", "warnings", "breaches", "open_at_end");

  private final ReplywatchConfig config = ConfigLoader.withoutSecrets(k -> null).load(CONFIG);

  /** The figures in {@link #NAMES} order; {@code null} for a percentile with nothing answered. */
  private static Map<String, Number> figures(Number... values) {
    Map<String, Number> m = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      m.put(NAMES.get(i), values[i]);
    }
    return m;
  }

  private ReplayReport replay(List<HistoryItem> items, boolean honourAutomated) {
    var brands = config.brands();
    return new Replayer(config.policies(), Classifiers.byDefault(), (brand, author) -> honourAutomated
        && brands.stream().anyMatch(b -> b.id().equals(brand) && b.isAutomated(author))).run(items, msg -> {});
  }

  static List<HistoryItem> twcs() throws IOException {
    try (Reader in = Files.newBufferedReader(TWCS, StandardCharsets.UTF_8)) {
      return TwcsReader.read(in, TWCS.toString(), msg -> {});
    }
  }

  @Test
  void shouldReplayTheTwcsFixtureToExactFigures() throws IOException {
    ReplayReport r = replay(twcs(), false);
    // AcmeHelp: answered after 600 (10), 2400 (20 + follow-up 21), 5400 (30), 300 (32, next episode), 1140 (41, the
    // second customer in 40's thread), 0 (50, same second), 1800 (90, parent not in the file: exactly on target).
    // 40 stays open: 43 replies to the brand's own tweet, so it answers nobody. Warnings 20, 30, 40 (not 90: its
    // reply at 13:50 meets the target due that second); breaches 30, 40.
    assertEquals(figures(8L, 8L, 7L, 1140.0, 5400.0, 5L, 6L, 3L, 2L, 1L), r.brand("AcmeHelp").figures());
    // GlobexCare: 80 (multi-line text) answered in 60 s; 82 ("@globexcare", lower case) never: warning 13:40 and
    // breach 14:10, both before the last timestamp 14:30; 96 at 14:30 is still young.
    assertEquals(figures(3L, 3L, 1L, 60.0, 60.0, 1L, 1L, 1L, 1L, 2L), r.brand("GlobexCare").figures());
    assertEquals(figures(11L, 11L, 8L, 600.0, 5400.0, 6L, 7L, 4L, 3L, 3L), r.total().figures());
    assertEquals(List.of(new Replayer.Key("AcmeHelp", Platform.X), new Replayer.Key("GlobexCare", Platform.X)),
        List.copyOf(r.rows().keySet()));
    assertEquals(12, r.mentions(), "70 mentions no brand and is skipped");
    assertEquals(8, r.replies(), "43 replies to a brand tweet: not a reply candidate");
  }

  @Test
  void shouldAttributeAndOrderTwcsTweetsByTheIssueRules() throws IOException {
    List<HistoryItem> items = twcs();
    List<String> order = items.stream().map(i -> i.post().id() + (i.fromBrand() ? "b" : "") + ":" + i.brand()).toList();
    assertEquals(List.of("10:AcmeHelp", "20:AcmeHelp", "21:AcmeHelp", "11b:AcmeHelp", "22b:AcmeHelp", "30:AcmeHelp",
        "31b:AcmeHelp", "32:AcmeHelp", "33b:AcmeHelp", "40:AcmeHelp", "41:AcmeHelp", "42b:AcmeHelp", "50:AcmeHelp",
        "51b:AcmeHelp", "80:GlobexCare", "81b:GlobexCare", "82:GlobexCare", "90:AcmeHelp", "91b:AcmeHelp",
        "96:GlobexCare"), order);
    HistoryItem followUp = items.get(7);
    assertEquals("30", followUp.post().conversationId().orElseThrow(), "the root through in_response_to");
    assertEquals("90", items.get(17).post().conversationId().orElseThrow(), "a parent outside the file ends the walk");
    HistoryItem multiLine = items.get(14);
    assertEquals("@GlobexCare line one, with a comma\r\n\"quoted\" line two\nline three", multiLine.post().text());
    assertEquals(18, multiLine.line(), "the record's first physical line");
    assertEquals(21, items.get(15).line(), "lines after a multi-line record still count right");
  }

  @Test
  void shouldReplayTheJsonlFixtureWithAutomatedAccountsIgnored() throws IOException {
    List<HistoryItem> items;
    try (Reader in = Files.newBufferedReader(JSONL, StandardCharsets.UTF_8)) {
      items = JsonlReader.read(in, JSONL.toString(), msg -> {});
    }
    ReplayReport r = replay(items, true);
    assertEquals(figures(1L, 1L, 1L, 2700.0, 2700.0, 0L, 1L, 1L, 0L, 0L),
        r.rows().get(new Replayer.Key("acme", Platform.MASTODON)).figures());
    assertEquals(figures(2L, 2L, 2L, 300.0, 4200.0, 1L, 1L, 1L, 1L, 0L),
        r.rows().get(new Replayer.Key("acme", Platform.X)).figures(), "AcmeBot's auto-reply answers nothing");
    assertEquals(figures(1L, 1L, 0L, null, null, 0L, 0L, 1L, 1L, 1L), r.brand("globex").figures());
    assertEquals(figures(4L, 4L, 3L, 2700.0, 4200.0, 1L, 2L, 3L, 2L, 1L), r.total().figures());

    ReplayReport counted = replay(items, false);
    assertEquals(60.0, counted.rows().get(new Replayer.Key("acme", Platform.X)).percentile(50),
        "without the config's automatedAccounts the bot's reply at 10:01 closes carl's episode");
  }

  /**
   * A reply exactly at a target meets it (targets are inclusive), so that target's event must not fire as well: in
   * the service that would be a page and a resolve for a reply that met the SLA. A second later it is missed.
   */
  @ParameterizedTest
  @CsvSource({
      "10:29:59, 1, 1, 0, 0",
      "10:30:00, 1, 1, 0, 0",
      "10:30:01, 0, 1, 1, 0",
      "11:00:00, 0, 1, 1, 0",
      "11:00:01, 0, 0, 1, 1"})
  void shouldCountAReplyExactlyAtATargetAsWithinItAndFireNothingForIt(String replyAt, long withinWarning,
      long withinBreach, long warnings, long breaches) throws IOException {
    String history = """
        {"type":"mention","brand":"acme","platform":"x","id":"m1","author":"901","created_at":"2026-11-02T10:00:00Z"}
        {"type":"reply","brand":"acme","platform":"x","id":"r1","author":"AcmeHelp","created_at":"2026-11-02T%sZ",\
        "in_reply_to":"m1"}
        """.formatted(replyAt);
    ReplayReport r = replay(JsonlReader.read(new java.io.StringReader(history), "t.jsonl", msg -> {}), false);
    Map<String, Number> f = r.total().figures();
    assertEquals(List.of(withinWarning, withinBreach, warnings, breaches),
        List.of(f.get("within_warning"), f.get("within_breach"), f.get("warnings"), f.get("breaches")), replyAt);
  }

  @Test
  void shouldStillFireADeadlineAtTheLastTimestamp() throws IOException {
    String history = """
        {"type":"mention","brand":"acme","platform":"x","id":"m1","author":"901","created_at":"2026-11-02T10:00:00Z"}
        {"type":"mention","brand":"acme","platform":"x","id":"m2","author":"902","created_at":"2026-11-02T11:00:00Z"}
        """;
    ReplayReport r = replay(JsonlReader.read(new java.io.StringReader(history), "t.jsonl", msg -> {}), false);
    assertEquals(1L, r.total().figures().get("warnings"));
    assertEquals(1L, r.total().figures().get("breaches"), "m1's breach falls due at 11:00, the last timestamp");
  }

  /**
   * The live service sorts a poll batch's mentions ahead of brand replies at the same instant; so must replay. A
   * customer's follow-up stamped the same second as the brand's reply then joins the episode the reply closes,
   * rather than opening a new one that waits, whichever line comes first.
   */
  @Test
  void shouldOrderJsonlMentionsAheadOfRepliesAtTheSameInstantWhateverTheLineOrder() throws IOException {
    String opening = """
        {"type":"mention","brand":"acme","platform":"x","id":"m1","author":"901","created_at":"2026-11-02T10:00:00Z"}
        """;
    String followUp = """
        {"type":"mention","brand":"acme","platform":"x","id":"m2","author":"901","created_at":"2026-11-02T10:20:00Z",\
        "in_reply_to":"m1"}
        """;
    String reply = """
        {"type":"reply","brand":"acme","platform":"x","id":"r1","author":"AcmeHelp",\
        "created_at":"2026-11-02T10:20:00Z","in_reply_to":"m1"}
        """;
    for (String history : List.of(opening + followUp + reply, opening + reply + followUp)) {
      List<HistoryItem> items = JsonlReader.read(new java.io.StringReader(history), "t.jsonl", msg -> {});
      Map<String, Number> f = replay(items, false).total().figures();
      assertEquals(List.of(1L, 1L, 0L), List.of(f.get("episodes"), f.get("answered"), f.get("open_at_end")), history);
      assertEquals(List.of("m1", "m2", "r1"), items.stream().map(i -> i.post().id()).toList(), history);
    }
  }

  @Test
  void shouldTakeNearestRankPercentiles() {
    ReplayStats s = new ReplayStats();
    Arrays.asList(5.0, 1.0, 4.0, 2.0, 3.0, 10.0, 9.0, 8.0, 7.0, 6.0).forEach(s::response);
    assertEquals(5.0, s.percentile(50));
    assertEquals(9.0, s.percentile(90));
    assertEquals(1.0, s.percentile(1));
    assertEquals(10.0, s.percentile(100));
  }

  @Test
  void shouldJudgeTargetsInBusinessTimeWhenThePolicyHasACalendar() throws IOException {
    var window = new io.replywatch.sla.calendar.Window(java.time.LocalTime.of(10, 0), java.time.LocalTime.of(10, 30), false);
    var calendar = new ReplywatchConfig.Calendar("short", java.time.ZoneId.of("UTC"),
        Map.of(java.time.DayOfWeek.MONDAY, List.of(window)), java.util.Set.of());
    var policy = new ReplywatchConfig.Policy(java.util.Set.of(), java.util.Set.of(), java.util.Set.of(),
        java.util.Optional.of(java.time.Duration.ofMinutes(30)), java.util.Optional.of(java.time.Duration.ofMinutes(60)),
        java.util.Optional.of(calendar));
    List<HistoryItem> items;
    try (Reader in = Files.newBufferedReader(JSONL, StandardCharsets.UTF_8)) {
      items = JsonlReader.read(in, JSONL.toString(), msg -> {});
    }
    ReplayReport r = new Replayer(List.of(policy), Classifiers.byDefault(),
        (brand, author) -> author.equals("AcmeBot")).run(items, msg -> {});
    // Business time is Monday 10:00-10:30 only: every reply came after 30 business minutes at most, so all are
    // within both targets, while response times stay wall-clock (300, 2700, 4200 s). Warnings fire at 10:30; the
    // breach deadlines are next Monday, after the data ends.
    assertEquals(figures(4L, 4L, 3L, 2700.0, 4200.0, 3L, 3L, 3L, 0L, 1L), r.total().figures());
  }

  /**
   * As the service: under the default policies a neutral first message followed, unanswered, by a complaint gets the
   * complaint's clock from the first message, and counts among the episodes with targets.
   */
  @Test
  void shouldEscalateAnEpisodeWhoseFollowUpIsAComplaint() {
    java.time.Instant t0 = java.time.Instant.parse("2026-09-01T10:00:00Z");
    List<HistoryItem> items = List.of(
        customer("1", "@AcmeHelp I have an order from last week", t0, null, 1),
        customer("2", "@AcmeHelp my order arrived broken, I want a refund", t0.plusSeconds(45 * 60), "1", 2),
        new HistoryItem("AcmeHelp", xPost("3", "AcmeHelp", "sorry, refund on its way", t0.plusSeconds(70 * 60), "2"),
            true, 3, 3));
    ReplayReport r = new Replayer(ConfigLoader.defaultPolicies(), Classifiers.byDefault(), (b, a) -> false)
        .run(items, msg -> {});
    // One episode, answered after 70 minutes: warned at 30 (due when the complaint arrived at 45) and paged at 60.
    assertEquals(figures(1L, 1L, 1L, 4200.0, 4200.0, 0L, 0L, 1L, 1L, 0L), r.total().figures());
  }

  private static HistoryItem customer(String id, String text, java.time.Instant at, String inReplyTo, long line) {
    return new HistoryItem("AcmeHelp", xPost(id, "jane", text, at, inReplyTo), false, line, line);
  }

  private static io.replywatch.ingest.Post xPost(String id, String author, String text, java.time.Instant at,
      String inReplyTo) {
    return new io.replywatch.ingest.Post(Platform.X, id, author, author, text, at,
        java.util.Optional.ofNullable(inReplyTo), java.util.Optional.empty(), "https://x.com/" + author + "/" + id,
        java.util.Optional.of("en"));
  }
}
