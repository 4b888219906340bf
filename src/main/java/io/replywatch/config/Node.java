package io.replywatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A position in the parsed YAML tree that knows its key path, so every error can say exactly where it is
 * ({@code brands[0].accounts[1].platform: ...}).
 */
final class Node {
  private final JsonNode json;
  private final String path;
  private final EnvSubstitution env;

  Node(JsonNode json, String path, EnvSubstitution env) {
    this.json = json;
    this.path = path;
    this.env = env;
  }

  String path() {
    return path;
  }

  boolean isMissing() {
    return json == null || json.isMissingNode() || json.isNull();
  }

  Node get(String key) {
    JsonNode child = isMissing() ? null : json.get(key);
    return new Node(child, path.isEmpty() ? key : path + "." + key, env);
  }

  ConfigFailure fail(String message) {
    // The top level has no key path: "file.yaml: expected a mapping", not "file.yaml: : expected a mapping".
    return new ConfigFailure(path.isEmpty() ? message : path + ": " + message);
  }

  /** Rejects keys this object may not have, so a typo is an error instead of a silent default. */
  Node requireObject(Set<String> allowed) {
    if (isMissing()) {
      return this;
    }
    if (!json.isObject()) {
      throw fail("expected a mapping of keys, got " + kind());
    }
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw new ConfigFailure(get(key).path + ": unknown key (expected one of "
            + String.join(", ", new TreeSet<>(allowed)) + ")");
      }
    }
    return this;
  }

  List<String> keys() {
    List<String> keys = new ArrayList<>();
    if (!isMissing() && json.isObject()) {
      json.fieldNames().forEachRemaining(keys::add);
    }
    return keys;
  }

  List<Node> list() {
    if (isMissing()) {
      return List.of();
    }
    if (!json.isArray()) {
      throw fail("expected a list, got " + kind());
    }
    List<Node> items = new ArrayList<>();
    for (int i = 0; i < json.size(); i++) {
      items.add(new Node(json.get(i), path + "[" + i + "]", env));
    }
    return items;
  }

  Optional<String> text() {
    if (isMissing()) {
      return Optional.empty();
    }
    if (!json.isValueNode()) {
      throw fail("expected a single value, got " + kind());
    }
    try {
      return Optional.of(env.apply(json.asText(), path));
    } catch (EnvSubstitution.Unset e) {
      throw new ConfigFailure(e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new ConfigFailure(e.getMessage());
    }
  }

  String requireText() {
    String v = text().orElseThrow(() -> fail("is required"));
    if (v.isBlank()) {
      throw fail("must not be empty");
    }
    return v;
  }

  /** The raw value when it refers to the environment ({@code ${SLACK_WEBHOOK_URL}}): errors may name that. */
  Optional<String> envReference() {
    return isMissing() || !EnvSubstitution.refersToEnv(json.asText()) ? Optional.empty()
        : Optional.of(json.asText().trim());
  }

  <T> T parse(Function<String, Optional<T>> parser, T fallback, String expected) {
    Optional<String> raw = text();
    if (raw.isEmpty()) {
      return fallback;
    }
    // A value that came from the environment may be a secret: say where it came from, never what it is.
    String shown = envReference().map(ref -> "a value from " + ref).orElse("'" + shorten(raw.get()) + "'");
    return parser.apply(raw.get().trim()).orElseThrow(() -> fail("expected " + expected + ", got " + shown));
  }

  private String kind() {
    if (json.isObject()) {
      return "a mapping";
    }
    return json.isArray() ? "a list" : "'" + shorten(json.asText()) + "'";
  }

  /** Values may be secrets substituted from the environment: never echo more than a short prefix of a raw value. */
  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  /** Internal carrier for a key-path error; the loader adds the file name. */
  static final class ConfigFailure extends RuntimeException {
    /** The unset environment variable behind this failure, or null when it is about something else. */
    final EnvSubstitution.Unset unset;

    ConfigFailure(String message) {
      this(message, null);
    }

    ConfigFailure(String message, EnvSubstitution.Unset unset) {
      super(message);
      this.unset = unset;
    }
  }
}
