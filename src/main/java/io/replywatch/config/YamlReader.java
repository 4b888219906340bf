package io.replywatch.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Turns the config text into a tree, strictly: a key given twice is an error naming its line and key path, where
 * Jackson on its own keeps the last value and so silently drops a whole {@code server:} block written twice.
 */
final class YamlReader {
  private static final YAMLFactory FACTORY = YAMLFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private YamlReader() {}

  /** The file's tree, or null when it holds no document; errors start with {@code source}. */
  static JsonNode read(String yaml, String source) {
    try (JsonParser parser = FACTORY.createParser(yaml)) {
      return MAPPER.readTree(parser);
    } catch (JsonProcessingException e) {
      throw new ConfigException(source + ": " + describe(e));
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
  }

  private static String describe(JsonProcessingException e) {
    String line = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
    // Jackson has no exception type of its own for this; its message is the only sign.
    if (e.getOriginalMessage().startsWith("Duplicate field ") && e.getProcessor() instanceof JsonParser p) {
      return line + "duplicate key '" + keyPath(p.getParsingContext()) + "'";
    }
    return line + "not valid YAML: " + e.getOriginalMessage();
  }

  /** The loader's key-path notation ({@code alerts.support[1].url}) for where the parser stands. */
  private static String keyPath(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      parts.addFirst(c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName());
    }
    String path = String.join("", parts);
    return path.startsWith(".") ? path.substring(1) : path;
  }
}
