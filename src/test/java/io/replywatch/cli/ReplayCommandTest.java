package io.replywatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.Main;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplayCommandTest {
  private static final String FIXTURE = "src/test/resources/replay/twcs_fixture.csv";
  private static final String CONFIG = "src/test/resources/replay/all-categories.yaml";
  private static final String HEADER = "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n";
  private static final String ROW = "1,AcmeHelp,False,Mon Nov 02 09:10:00 +0000 2026,hi,,\n";

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @TempDir
  Path dir;

  private int run(String... argv) {
    Console io = new Console(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return Main.execute(argv, io);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void shouldPrintPerBrandAndTotalFiguresAsJson() {
    assertEquals(0, run("replay", "--input", FIXTURE, "--format", "twcs", "--config", CONFIG, "--json"), err());
    JsonObject json = new JsonObject(out().strip());
    assertEquals(List.of("AcmeHelp", "GlobexCare", "*"), List.copyOf(json.fieldNames()));
    assertEquals(11, json.getJsonObject("*").getInteger("episodes"));
    assertEquals(600.0, json.getJsonObject("*").getDouble("response_seconds_p50"));
    assertEquals(7, json.getJsonObject("AcmeHelp").getJsonObject("platforms").getJsonObject("x").getInteger("answered"));
    assertEquals(2, json.getJsonObject("GlobexCare").getInteger("open_at_end"));
    assertTrue(err().contains("12 mentions and 8 brand replies"), err());
  }

  @Test
  void shouldAccountForEveryRowItDoesNotReplay() {
    assertEquals(0, run("replay", "--input", FIXTURE), err());
    assertTrue(err().startsWith("replay: skipped 2 of 22 rows: 1 customer tweet addressed to no brand, 1 brand tweet "
        + "not answering a customer\nreplay: 12 mentions and 8 brand replies from " + FIXTURE + " in "), err());
    err.reset();
    assertEquals(0, run("replay", "--input", "src/test/resources/replay/history.jsonl", "--config", CONFIG), err());
    assertTrue(err().startsWith("replay: 4 mentions and 3 brand replies (not counting 1 post by automated accounts) "
        + "from src/test/resources/replay/history.jsonl in "), err());
  }

  @Test
  void shouldPrintATableWithATotalRow() {
    assertEquals(0, run("replay", "--input", FIXTURE, "--config", CONFIG), err());
    List<String> lines = out().strip().lines().toList();
    assertEquals(4, lines.size(), out());
    assertTrue(lines.get(0).startsWith("brand") && lines.get(0).contains("response_seconds_p90"), lines.get(0));
    assertTrue(lines.get(3).matches("\\*\\s+\\*\\s+11\\s+11\\s+8\\s+600\\s+5400\\s+6\\s+7\\s+4\\s+3\\s+3"), lines.get(3));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', value = {
      "tweet_id,author_id,text\\n | :1: expected the twcs header",
      "HEADER ROW 2,x,True,Mon Nov 02 09:10:00 +0000 2026,hi,\\n | :3: expected 7 fields, got 6",
      "HEADER 1,x,True,Nov 2 2026,hi,,\\n | :2: created_at: expected a time like 'Tue Oct 31 22:10:47 +0000 2017', got 'Nov 2 2026'",
      "HEADER 1,x,yes,Mon Nov 02 09:10:00 +0000 2026,hi,,\\n | :2: inbound: expected True or False, got 'yes'",
      "HEADER abc,x,True,Mon Nov 02 09:10:00 +0000 2026,hi,,\\n | :2: tweet_id: expected a whole number, got 'abc'",
      "HEADER ROW 2,x,True,Mon Nov 02 09:10:00 +0000 2026,\"never closed\\n,,\\n | :3: a quoted field is not closed before the end of the file",
      "HEADER ROW ROW | :3: tweet_id 1 appears twice",
      "HEADER ROW 2,x,True,Mon Nov 02 09:10:00 +0000 2026,say \"hi\",,\\n | :3: a quote inside an unquoted field",
  })
  void shouldNameTheFileAndLineOfBadTwcsInput(String content, String expected) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.csv"),
        content.strip().replace("HEADER ", HEADER).replace("ROW ", ROW).replace("ROW", ROW).replace("\\n", "\n"));
    assertEquals(2, run("replay", "--input", file.toString()));
    assertEquals("replywatch replay: " + file + expected, err().strip().lines().reduce((a, b) -> b).orElse("")
        .substring(0, ("replywatch replay: " + file + expected).length()), err());
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"type\":\"mention\"| :1: not valid JSON",
      "[1, 2] | :1: expected a JSON object",
      "{\"type\":\"mention\",\"platform\":\"x\",\"id\":\"1\",\"author\":\"a\",\"created_at\":\"2026-11-02T10:00:00Z\"} | :1: brand: is required",
      "{\"type\":\"like\",\"brand\":\"b\",\"platform\":\"x\",\"id\":\"1\",\"author\":\"a\",\"created_at\":\"2026-11-02T10:00:00Z\"} | :1: type: expected mention or reply, got 'like'",
      "{\"type\":\"reply\",\"brand\":\"b\",\"platform\":\"myspace\",\"id\":\"1\",\"author\":\"a\",\"created_at\":\"2026-11-02T10:00:00Z\"} | :1: platform: expected one of x, mastodon, bluesky, reddit, got 'myspace'",
      "{\"type\":\"reply\",\"brand\":\"b\",\"platform\":\"x\",\"id\":\"1\",\"author\":\"a\",\"created_at\":\"2026-11-02 10:00\"} | :1: created_at: expected a UTC time like 2026-09-01T10:00:00Z, got '2026-11-02 10:00'",
      // A mention and its reply joined on one line: the reply must not be silently dropped.
      "{\"type\":\"mention\",\"brand\":\"b\",\"platform\":\"x\",\"id\":\"1\",\"author\":\"a\","
          + "\"created_at\":\"2026-11-02T10:00:00Z\"} {\"type\":\"reply\",\"brand\":\"b\",\"platform\":\"x\","
          + "\"id\":\"2\",\"author\":\"B\",\"created_at\":\"2026-11-02T10:05:00Z\",\"in_reply_to\":\"1\"}"
          + " | :1: unexpected text after the JSON object",
      "{\"type\":\"mention\"} and more | :1: unexpected text after the JSON object",
      "{\"type\":\"mention\",\"brand\":{\"x\":1},\"platform\":\"x\",\"id\":\"1\",\"author\":\"a\","
          + "\"created_at\":\"2026-11-02T10:00:00Z\"} | :1: brand: expected a string",
      "{\"type\":\"mention\",\"brand\":\"b\",\"platform\":\"x\",\"id\":\"1\",\"author\":\"a\","
          + "\"created_at\":\"2026-11-02T10:00:00Z\",\"text\":[\"hi\"]} | :1: text: expected a string",
  })
  void shouldNameTheFileAndLineOfBadJsonlInput(String line, String expected) throws Exception {
    Path file = Files.writeString(dir.resolve("bad.jsonl"), line.strip() + "\n");
    assertEquals(2, run("replay", "--input", file.toString()));
    assertTrue(err().startsWith("replywatch replay: " + file + expected), err());
  }

  /** The config's classifier rules apply in replay as in the service: a keyword forces its category, and its clock. */
  @Test
  void shouldApplyTheConfigsClassifierRules() throws Exception {
    Path history = Files.writeString(dir.resolve("rules.jsonl"), "{\"type\":\"mention\",\"brand\":\"acme\","
        + "\"platform\":\"x\",\"id\":\"m1\",\"author\":\"901\",\"handle\":\"jane\","
        + "\"created_at\":\"2026-11-02T10:00:00Z\",\"text\":\"love the new app, so fast #acmefail\"}\n");
    String brand = "brands:\n  - id: acme\n    accounts:\n      - { platform: x, id: \"1\", handle: AcmeHelp }\n";
    Path plain = Files.writeString(dir.resolve("plain.yaml"), brand);
    Path rules = Files.writeString(dir.resolve("rules.yaml"),
        brand + "classifier:\n  keywords:\n    complaint: [\"#acmefail\"]\n");
    assertEquals(0, run("replay", "--input", history.toString(), "--config", plain.toString(), "--json"), err());
    assertEquals(0, new JsonObject(out().strip()).getJsonObject("*").getInteger("with_targets"), "praise: no clock");
    out.reset();
    assertEquals(0, run("replay", "--input", history.toString(), "--config", rules.toString(), "--json"), err());
    assertEquals(1, new JsonObject(out().strip()).getJsonObject("*").getInteger("with_targets"),
        "#acmefail forces complaint");
  }

  @Test
  void shouldRefuseAJsonlPostListedTwice() throws Exception {
    String mention = "{\"type\":\"mention\",\"brand\":\"b\",\"platform\":\"x\",\"id\":\"m1\",\"author\":\"a\","
        + "\"created_at\":\"2026-11-02T10:00:00Z\"}\n";
    String other = mention.replace("\"m1\"", "\"m2\"");
    String elsewhere = mention.replace("\"x\"", "\"mastodon\"");
    Path file = Files.writeString(dir.resolve("dup.jsonl"), mention + other + elsewhere + "\n" + mention);
    assertEquals(2, run("replay", "--input", file.toString()));
    assertEquals("replywatch replay: " + file + ":5: id 'm1' on x appears twice (first on line 1)", err().strip());
  }

  @ParameterizedTest
  @CsvSource({"twcs_fixture.csv", "history.jsonl"})
  void shouldSkipAUtf8ByteOrderMark(String name) throws Exception {
    Path fixture = Path.of("src/test/resources/replay", name);
    assertEquals(0, run("replay", "--input", fixture.toString(), "--json"), err());
    String plain = out();
    out.reset();
    Path file = dir.resolve(name);
    Files.write(file, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    Files.write(file, Files.readAllBytes(fixture), java.nio.file.StandardOpenOption.APPEND);
    assertEquals(0, run("replay", "--input", file.toString(), "--json"), err());
    assertEquals(plain, out());
  }

  @ParameterizedTest
  @CsvSource({"twcs", "jsonl"})
  void shouldExit2ForADirectory(String format) {
    assertEquals(2, run("replay", "--input", dir.toString(), "--format", format));
    assertEquals("replywatch replay: " + dir + ": is a directory", err().strip());
  }

  @Test
  void shouldExit2ForAMissingFileOrAnUnknownFormat() {
    assertEquals(2, run("replay", "--input", dir.resolve("nope.csv").toString()));
    assertTrue(err().contains("nope.csv: no such file"), err());
    assertEquals(2, run("replay", "--input", FIXTURE, "--format", "xlsx"));
    assertTrue(err().contains("--format must be twcs or jsonl, got 'xlsx'"), err());
    assertEquals(2, run("replay"));
    assertTrue(err().contains("missing required option --input"), err());
  }
}
