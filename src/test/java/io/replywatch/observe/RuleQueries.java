package io.replywatch.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules of {@code config/prometheus/rules/replywatch.yml} as plain data, so tests can check which metric
 * names they use and tell recording-rule names (made by Prometheus, not exported by the service) from the rest.
 */
final class RuleQueries {

  /** One rule: its group, its record or alert name, and its expression. */
  record Rule(String group, String name, boolean recording, String expr) {}

  private static final YAMLMapper YAML = new YAMLMapper();

  private RuleQueries() {}

  /** {@code config/prometheus/rules/replywatch.yml} of this project. */
  static Path defaultFile() {
    return Promtool.projectDir().resolve("config/prometheus/rules/replywatch.yml");
  }

  /** Every rule of a Prometheus rule file, in file order. */
  static List<Rule> load(Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + file, e);
    }
    List<Rule> rules = new ArrayList<>();
    for (JsonNode group : root.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        boolean recording = rule.hasNonNull("record");
        String name = recording ? rule.get("record").asText() : rule.path("alert").asText();
        rules.add(new Rule(group.path("name").asText(), name, recording, rule.path("expr").asText()));
      }
    }
    return rules;
  }

  /** The names recording rules produce. */
  static Set<String> recordedNames(Path file) {
    Set<String> names = new TreeSet<>();
    load(file).stream().filter(Rule::recording).forEach(r -> names.add(r.name()));
    return names;
  }
}
