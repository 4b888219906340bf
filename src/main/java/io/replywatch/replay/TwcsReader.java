package io.replywatch.replay;

import io.replywatch.config.Platform;
import io.replywatch.ingest.Post;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Kaggle "Customer Support on Twitter" CSV (twcs) into attributed {@link HistoryItem}s, by the rules of
 * issue 5: brand accounts are the authors of tweets with {@code inbound=False}; a customer tweet belongs to brand
 * B when it replies to a tweet by B, otherwise to the first brand its text @-mentions (else it is skipped); a
 * tweet's conversation is the root reached through {@code in_response_to_tweet_id} among tweets in the file; a
 * brand tweet is a reply candidate only when it replies to a customer's tweet. The whole file is read first,
 * because who is a brand is only known at the end.
 */
public final class TwcsReader {
  static final List<String> HEADER = List.of("tweet_id", "author_id", "inbound", "created_at", "text",
      "response_tweet_id", "in_response_to_tweet_id");
  private static final DateTimeFormatter CREATED_AT =
      DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT);
  private static final Pattern AT = Pattern.compile("@(\\w+)");

  private record Row(long line, long id, String author, boolean inbound, Instant createdAt, String text, Long parent) {}

  private TwcsReader() {}

  /** @param progress one-line messages for large files */
  public static List<HistoryItem> read(Reader in, String source, Consumer<String> progress) throws IOException {
    CsvReader csv = new CsvReader(in, source);
    List<String> header = csv.next();
    if (header == null || !header.equals(HEADER)) {
      throw new BadInputException(source, 1, "expected the twcs header " + String.join(",", HEADER));
    }
    Map<Long, Row> rows = new HashMap<>();
    List<Row> order = new ArrayList<>();
    Set<String> brands = new HashSet<>();
    for (List<String> f = csv.next(); f != null; f = csv.next()) {
      Row r = row(f, csv.recordLine(), source);
      if (rows.putIfAbsent(r.id(), r) != null) {
        throw new BadInputException(source, r.line(), "tweet_id " + r.id() + " appears twice");
      }
      order.add(r);
      if (!r.inbound()) {
        brands.add(r.author());
      }
      if (order.size() % 500_000 == 0) {
        progress.accept("read " + order.size() + " tweets");
      }
    }
    Map<String, String> brandByLowerCase = new HashMap<>();
    brands.forEach(b -> brandByLowerCase.put(b.toLowerCase(Locale.ROOT), b));
    List<HistoryItem> items = new ArrayList<>(order.size());
    Map<Long, Long> roots = new HashMap<>();
    long unaddressed = 0;
    long unanswering = 0;
    for (Row r : order) {
      Row parent = r.parent() == null ? null : rows.get(r.parent());
      String conversation = Long.toString(root(r, rows, roots));
      if (!r.inbound()) {
        if (parent != null && parent.inbound()) {
          items.add(new HistoryItem(r.author(), post(r, conversation), true, r.id(), r.line()));
        } else {
          unanswering++;
        }
        continue;
      }
      String brand = parent != null && !parent.inbound() ? parent.author() : mentioned(r.text(), brandByLowerCase);
      if (brand != null) {
        items.add(new HistoryItem(brand, post(r, conversation), false, r.id(), r.line()));
      } else {
        unaddressed++;
      }
    }
    // Said aloud, so the mentions and replies replayed add up to the rows read.
    if (unaddressed + unanswering > 0) {
      progress.accept("skipped " + (unaddressed + unanswering) + " of " + order.size() + " rows: "
          + count(unaddressed, "customer tweet") + " addressed to no brand, " + count(unanswering, "brand tweet")
          + " not answering a customer");
    }
    items.sort(HistoryItem.TIME_ORDER);
    return items;
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static Row row(List<String> f, long line, String source) {
    if (f.size() != HEADER.size()) {
      throw new BadInputException(source, line, "expected " + HEADER.size() + " fields, got " + f.size());
    }
    long id = number(f.get(0), "tweet_id", line, source);
    String author = f.get(1).trim();
    if (author.isEmpty()) {
      throw new BadInputException(source, line, "author_id: must not be empty");
    }
    boolean inbound = switch (f.get(2).trim()) {
      case "True", "true", "TRUE" -> true;
      case "False", "false", "FALSE" -> false;
      default -> throw new BadInputException(source, line, "inbound: expected True or False, got '" + shorten(f.get(2)) + "'");
    };
    Instant created;
    try {
      created = ZonedDateTime.parse(f.get(3).trim(), CREATED_AT).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadInputException(source, line,
          "created_at: expected a time like 'Tue Oct 31 22:10:47 +0000 2017', got '" + shorten(f.get(3)) + "'");
    }
    String parentText = f.get(6).trim();
    Long parent = parentText.isEmpty() ? null : number(parentText, "in_response_to_tweet_id", line, source);
    return new Row(line, id, author, inbound, created, f.get(4), parent);
  }

  private static long number(String s, String column, long line, String source) {
    String t = s.trim();
    if (t.endsWith(".0")) {
      t = t.substring(0, t.length() - 2);
    }
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw new BadInputException(source, line, column + ": expected a whole number, got '" + shorten(s) + "'");
    }
  }

  /**
   * The root reached through in_response_to among tweets in the file. Roots found are remembered, so a long
   * thread is walked once; a cycle (which real data should not have) stops after as many steps as there are rows.
   */
  private static long root(Row r, Map<Long, Row> rows, Map<Long, Long> roots) {
    Row at = r;
    for (int steps = 0; steps <= rows.size(); steps++) {
      Long known = roots.get(at.id());
      if (known != null) {
        roots.put(r.id(), known);
        return known;
      }
      Row parent = at.parent() == null ? null : rows.get(at.parent());
      if (parent == null) {
        break;
      }
      at = parent;
    }
    roots.put(r.id(), at.id());
    return at.id();
  }

  private static String mentioned(String text, Map<String, String> brands) {
    Matcher m = AT.matcher(text);
    while (m.find()) {
      String brand = brands.get(m.group(1).toLowerCase(Locale.ROOT));
      if (brand != null) {
        return brand;
      }
    }
    return null;
  }

  private static Post post(Row r, String conversation) {
    String id = Long.toString(r.id());
    return new Post(Platform.X, id, r.author(), r.author(), r.text(), r.createdAt(),
        Optional.ofNullable(r.parent()).map(String::valueOf), Optional.of(conversation),
        "https://twitter.com/" + r.author() + "/status/" + id, Optional.empty());
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
