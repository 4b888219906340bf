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
import java.util.List;
import java.util.Objects;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns the config text into a tree, strictly, with one-line errors that name the line. Left to themselves,
 * Jackson keeps the last of a key given twice (a second {@code server:} block silently replaces the first) and
 * reads only the first document of the file, and SnakeYAML reports a syntax error as an excerpt over several lines.
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
      JsonNode root = MAPPER.readTree(parser);
      // readTree stops after the first document: whatever follows a '---' would be dropped without a word.
      if (parser.nextToken() != null) {
        throw new ConfigException(source + ": line " + separatorLine(yaml, parser.currentTokenLocation().getLineNr())
            + ": a second YAML document ('---') is not allowed: keep the whole config in one document");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new ConfigException(source + ": " + describe(e));
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
  }

  /**
   * The line of the {@code ---} that opened the document whose first token is on {@code tokenLine}: the token of an
   * empty document is on the line after it, and the separator is what the user has to find.
   */
  private static int separatorLine(String yaml, int tokenLine) {
    List<String> lines = yaml.lines().toList();
    for (int i = Math.min(tokenLine, lines.size()); i >= 1; i--) {
      if (lines.get(i - 1).matches("---(\\s.*)?")) {
        return i;
      }
    }
    return tokenLine;
  }

  private static String describe(JsonProcessingException e) {
    String line = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
    String original = Objects.toString(e.getOriginalMessage(), "");
    // Jackson has no exception type of its own for this; its message is the only sign.
    if (original.startsWith("Duplicate field ") && e.getProcessor() instanceof JsonParser p) {
      return line + "duplicate key '" + keyPath(p.getParsingContext()) + "'";
    }
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      return syntax(yaml);
    }
    // Anything else SnakeYAML or Jackson report may still quote the file over several lines: keep the first.
    return line + "not valid YAML: " + original.lines().findFirst().orElse("").strip();
  }

  /**
   * SnakeYAML's problem on one line, at the problem's own line and column (Jackson's location is where its
   * parser last stood, often a line earlier). The context is kept when it points elsewhere: for an unclosed quote
   * or bracket the problem is at the end of the file and only the context says where the quote was opened.
   */
  private static String syntax(MarkedYAMLException e) {
    String message = position(e.getProblemMark()) + ": not valid YAML: " + problem(e.getProblem());
    Mark context = e.getContextMark();
    if (e.getContext() != null && context != null && !position(context).equals(position(e.getProblemMark()))) {
      message += " (" + e.getContext() + " from " + position(context) + ")";
    }
    return message;
  }

  private static String position(Mark mark) {
    return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }

  /** SnakeYAML says "found character '\t(TAB)' that cannot start any token. (Do not use \t(TAB) for indentation)". */
  private static String problem(String text) {
    if (text.startsWith("found character '\\t(TAB)'")) {
      return "found a tab character where indentation is expected (YAML indents with spaces)";
    }
    return text.replaceFirst("\\. \\(Do not use .* for indentation\\)$", "").strip();
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
