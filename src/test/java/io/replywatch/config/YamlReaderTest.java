package io.replywatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the file's YAML itself may get wrong, before any key is read: each is one line naming the line. */
class YamlReaderTest {
  private static final String MINIMAL = """
      brands:
        - id: acme
          accounts:
            - { platform: mastodon, id: "1", handle: acme, token: t }
      """;

  private final ConfigLoader loader = new ConfigLoader(name -> null);

  private String error(String yaml) {
    return assertThrows(ConfigException.class, () -> loader.parse(yaml, "replywatch.yaml")).getMessage();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "server: { port: 1 }\\n{MINIMAL}server: { port: 2 }\\n | line 6: duplicate key 'server'",
      "{MINIMAL}server: {port: 8080, port: 1}\\n | line 5: duplicate key 'server.port'",
      "{MINIMAL}platforms:\\n  x: {}\\n  mastodon: {}\\n  x: { pollInterval: 1s }\\n"
          + " | line 8: duplicate key 'platforms.x'",
      "{MINIMAL}alerts:\\n  support:\\n    - { type: console }\\n    - { type: slack, url: a, url: b }\\n"
          + " | line 8: duplicate key 'alerts.support[1].url'",
      "\"id\": 1\\nid: 2\\n | line 2: duplicate key 'id'",
  })
  void shouldRejectAKeyGivenTwice(String yaml, String expected) {
    String text = yaml.replace("{MINIMAL}", MINIMAL).replace("\\n", "\n");
    assertEquals("replywatch.yaml: " + expected, error(text));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "{MINIMAL}server:\\n\\tport: 1\\n | line 6, column 1: not valid YAML: found a tab character where indentation is"
          + " expected (YAML indents with spaces)",
      "{MINIMAL}server: { host: \"abc }\\n | line 6, column 1: not valid YAML: found unexpected end of stream"
          + " (while scanning a quoted scalar from line 5, column 17)",
      "{MINIMAL}keywords: [acme\\n | line 6, column 1: not valid YAML: expected ',' or ']', but got <stream end>"
          + " (while parsing a flow sequence from line 5, column 11)",
      "{MINIMAL}server: host: x\\n | line 5, column 13: not valid YAML: mapping values are not allowed here",
      "server: `x`\\n | line 1, column 9: not valid YAML: found character '`' that cannot start any token",
  })
  void shouldSayOnOneLineWhereTheYamlIsBroken(String yaml, String expected) {
    String text = yaml.replace("{MINIMAL}", MINIMAL).replace("\\n", "\n").replace("\\t", "\t");
    assertEquals("replywatch.yaml: " + expected, error(text));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "{MINIMAL}---\\nserver: { port: 1 }\\n | line 5",
      "{MINIMAL}--- { server: { port: 1 } }\\n | line 5",
      "{MINIMAL}---\\n | line 5",
      "---\\n{MINIMAL}...\\n---\\n# the old settings\\nserver: { port: 1 }\\n | line 7",
  })
  void shouldRejectASecondDocument(String yaml, String line) {
    String text = yaml.replace("{MINIMAL}", MINIMAL).replace("\\n", "\n");
    assertEquals("replywatch.yaml: " + line + ": a second YAML document ('---') is not allowed: keep the whole"
        + " config in one document", error(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"---\\n{MINIMAL}", "# replywatch\\n---\\n{MINIMAL}...\\n", "{MINIMAL}# ---\\n"})
  void shouldReadOneDocumentWithItsMarkers(String yaml) {
    String text = yaml.replace("{MINIMAL}", MINIMAL).replace("\\n", "\n");
    assertEquals("acme", loader.parse(text, "replywatch.yaml").brands().get(0).id());
  }
}
