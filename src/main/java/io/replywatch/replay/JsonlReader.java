package io.replywatch.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.replywatch.config.Platform;
import io.replywatch.ingest.Post;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reads Replywatch's own history export: one JSON object per line, each a customer's mention or a brand
 * account's post (README, "Replay input: jsonl"). Unlike twcs it says outright which brand a post concerns and
 * whether it is the brand's own, so nothing is inferred. Blank lines and unknown keys are ignored, so later
 * versions may add fields.
 */
public final class JsonlReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A post is known by its platform and its id there, as in the service's store. */
  private record PostKey(Platform platform, String id) {}

  private JsonlReader() {}

  public static List<HistoryItem> read(Reader in, String source, Consumer<String> progress) throws IOException {
    BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
    List<HistoryItem> items = new ArrayList<>();
    Map<PostKey, Long> firstLine = new HashMap<>();
    long n = 0;
    for (String text = lines.readLine(); text != null; text = lines.readLine()) {
      n++;
      if (!text.isBlank()) {
        HistoryItem item = item(text, n, source);
        // As twcs refuses a tweet_id twice: a post listed twice would be counted twice, though replayed once.
        Long first = firstLine.putIfAbsent(new PostKey(item.post().platform(), item.post().id()), n);
        if (first != null) {
          throw new BadInputException(source, n, "id '" + item.post().id() + "' on " + item.post().platform().id()
              + " appears twice (first on line " + first + ")");
        }
        items.add(item);
      }
      if (n % 500_000 == 0) {
        progress.accept("read " + n + " lines");
      }
    }
    // Ties as the live service orders them, not by line: an export's order within one instant means nothing.
    items.sort(HistoryItem.TIME_ORDER_MENTIONS_FIRST);
    return items;
  }

  private static HistoryItem item(String text, long line, String source) {
    JsonNode o = object(text, line, source);
    String type = required(o, "type", line, source);
    boolean fromBrand = switch (type) {
      case "mention" -> false;
      case "reply" -> true;
      default -> throw new BadInputException(source, line, "type: expected mention or reply, got '" + type + "'");
    };
    String platformName = required(o, "platform", line, source);
    Platform platform = Platform.parse(platformName).orElseThrow(() -> new BadInputException(source, line,
        "platform: expected one of " + Arrays.stream(Platform.values()).map(Platform::id)
            .collect(Collectors.joining(", ")) + ", got '" + platformName + "'"));
    String createdText = required(o, "created_at", line, source);
    Instant created;
    try {
      created = Instant.parse(createdText);
    } catch (DateTimeParseException e) {
      throw new BadInputException(source, line,
          "created_at: expected a UTC time like 2026-09-01T10:00:00Z, got '" + createdText + "'");
    }
    String id = required(o, "id", line, source);
    String author = required(o, "author", line, source);
    Post post = new Post(platform, id, author, optional(o, "handle", line, source).orElse(author),
        optional(o, "text", line, source).orElse(""), created, optional(o, "in_reply_to", line, source),
        optional(o, "conversation", line, source), optional(o, "permalink", line, source).orElse(""),
        optional(o, "language", line, source));
    return new HistoryItem(required(o, "brand", line, source), post, fromBrand, line, line);
  }

  /**
   * The line's one JSON object. Text after it is an error, not ignored: two objects joined on one line would
   * otherwise lose the second (a mention's reply, say) without a word.
   */
  private static JsonNode object(String text, long line, String source) {
    try (JsonParser p = JSON.createParser(text)) {
      JsonNode o;
      try {
        o = JSON.readTree(p);
      } catch (JsonProcessingException e) {
        throw new BadInputException(source, line, "not valid JSON: " + e.getOriginalMessage());
      }
      if (o == null || !o.isObject()) {
        throw new BadInputException(source, line, "expected a JSON object");
      }
      if (!atEnd(p)) {
        throw new BadInputException(source, line, "unexpected text after the JSON object");
      }
      return o;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String cannot fail to be read
    }
  }

  private static boolean atEnd(JsonParser p) throws IOException {
    try {
      return p.nextToken() == null;
    } catch (JsonProcessingException e) {
      return false; // trailing text that is not even a JSON token
    }
  }

  private static String required(JsonNode o, String key, long line, String source) {
    return optional(o, key, line, source)
        .orElseThrow(() -> new BadInputException(source, line, key + ": is required"));
  }

  /** A string; a number or boolean is taken as its text (ids often are numbers), an object or array is an error. */
  private static Optional<String> optional(JsonNode o, String key, long line, String source) {
    JsonNode v = o.get(key);
    if (v != null && v.isContainerNode()) {
      throw new BadInputException(source, line, key + ": expected a string");
    }
    if (v == null || v.isNull() || v.asText().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(v.asText());
  }
}
