package io.replywatch.classify.corpus;

import io.replywatch.classify.Category;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Readers for the labelled data sets the classifier is trained and measured on, each mapped to our categories.
 * Every problem is a {@link BadInputException} naming the file and line.
 */
public final class Corpora {
  /** VADER rated texts with a mean rating at or beyond ±this are negative / positive; the rest neutral. */
  public static final double VADER_NEUTRAL_BAND = 0.5;
  /** The four rated-text files of the VADER paper's data set. */
  public static final List<String> VADER_FILES = List.of("tweets_GroundTruth.txt",
      "amazonReviewSnippets_GroundTruth.txt", "movieReviewSnippets_GroundTruth.txt",
      "nytEditorialSnippets_GroundTruth.txt");

  /** Files up to this size are read again to name the line that is not UTF-8 (the data sets are a few MB). */
  private static final long MAX_RESCAN_BYTES = 256L << 20;

  private Corpora() {}

  /**
   * Twitter US Airline Sentiment ({@code Tweets.csv}): negative → complaint, positive → praise, neutral → question
   * when the text asks something, else neutral. Rows repeating a tweet id or an exact text are dropped.
   */
  public static List<LabelledText> airline(Path file, Predicate<String> isQuestion) throws IOException {
    List<LabelledText> out = new ArrayList<>();
    Set<String> seenIds = new HashSet<>();
    Set<String> seenTexts = new HashSet<>();
    try (BufferedReader r = open(file)) {
      Csv csv = new Csv(r, file.toString(), ',');
      Csv.Row header = csv.next();
      int id = column(file, header, "tweet_id");
      int label = column(file, header, "airline_sentiment");
      int text = column(file, header, "text");
      for (Csv.Row row = csv.next(); row != null; row = csv.next()) {
        List<String> f = fields(file, row, header.fields().size());
        String t = f.get(text);
        Category c = switch (f.get(label)) {
          case "negative" -> Category.COMPLAINT;
          case "positive" -> Category.PRAISE;
          case "neutral" -> isQuestion.test(t) ? Category.QUESTION : Category.NEUTRAL;
          default -> throw bad(file, row.line(), "airline_sentiment '" + f.get(label)
              + "' is not negative, neutral or positive");
        };
        if (seenIds.add(f.get(id)) && seenTexts.add(t)) {
          out.add(new LabelledText(t, c));
        }
      }
    } catch (MalformedInputException e) {
      throw notUtf8(file);
    }
    return nonEmpty(file, out);
  }

  /**
   * The opening customer tweets of the IBM Twitter customer-care dialogs ({@code ibm_cdp_tweets.csv}: rows with
   * {@code role} customer and {@code turn} 1). The data set holds only dialogs that a care agent answered with a
   * support document, so every one of these opened a support request; there are no labels beyond that.
   */
  public static List<String> supportOpenings(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = open(file)) {
      Csv csv = new Csv(r, file.toString(), ',');
      Csv.Row header = csv.next();
      int role = column(file, header, "role");
      int turn = column(file, header, "turn");
      int text = column(file, header, "text");
      for (Csv.Row row = csv.next(); row != null; row = csv.next()) {
        List<String> f = fields(file, row, header.fields().size());
        if ("customer".equals(f.get(role).trim()) && "1".equals(f.get(turn).trim())) {
          out.add(f.get(text));
        }
      }
    } catch (MalformedInputException e) {
      throw notUtf8(file);
    }
    if (out.isEmpty()) {
      throw new BadInputException(file + ": no rows with role customer and turn 1");
    }
    return out;
  }

  /** NSMC tab-separated reviews with a header naming {@code document} and {@code label}: 0 → complaint, 1 → praise. */
  public static List<LabelledText> nsmc(Path file) throws IOException {
    List<LabelledText> out = new ArrayList<>();
    try (BufferedReader r = open(file)) {
      String head = r.readLine();
      Csv.Row header = new Csv.Row(1, head == null ? List.of() : List.of(head.split("\t", -1)));
      int text = column(file, header, "document");
      int label = column(file, header, "label");
      int line = 1;
      for (String s = r.readLine(); s != null; s = r.readLine()) {
        line++;
        if (s.isBlank()) {
          continue;
        }
        List<String> f = fields(file, new Csv.Row(line, List.of(s.split("\t", -1))), header.fields().size());
        Category c = switch (f.get(label).trim()) {
          case "0" -> Category.COMPLAINT;
          case "1" -> Category.PRAISE;
          default -> throw bad(file, line, "label '" + f.get(label) + "' is not 0 or 1");
        };
        out.add(new LabelledText(f.get(text), c));
      }
    } catch (MalformedInputException e) {
      throw notUtf8(file);
    }
    return nonEmpty(file, out);
  }

  /** The VADER paper's rated texts ({@code id TAB mean rating TAB text}) in a directory, by {@link #VADER_NEUTRAL_BAND}. */
  public static List<LabelledText> vader(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      // Else a file or a typo was reported as "x/tweets_GroundTruth.txt: missing".
      throw new BadInputException(dir + ": " + (Files.exists(dir) ? "not a directory" : "no such directory")
          + " (expected the directory holding VADER's *_GroundTruth.txt files)");
    }
    List<LabelledText> out = new ArrayList<>();
    for (String name : VADER_FILES) {
      Path file = dir.resolve(name);
      if (Files.isDirectory(file)) {
        throw new BadInputException(file + ": is a directory");
      }
      if (!Files.isReadable(file)) {
        throw new BadInputException(file + ": missing (expected the VADER rated-text files in " + dir + ")");
      }
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (MalformedInputException e) {
        throw notUtf8(file);
      }
      for (int i = 0; i < lines.size(); i++) {
        String[] f = lines.get(i).split("\t", 3);
        if (lines.get(i).isBlank()) {
          continue;
        }
        if (f.length < 3) {
          throw bad(file, i + 1, "expected id, rating and text separated by tabs");
        }
        double rating;
        try {
          rating = Double.parseDouble(f[1].trim());
        } catch (NumberFormatException e) {
          throw bad(file, i + 1, "rating '" + f[1] + "' is not a number");
        }
        Category c = rating >= VADER_NEUTRAL_BAND ? Category.PRAISE
            : rating <= -VADER_NEUTRAL_BAND ? Category.COMPLAINT : Category.NEUTRAL;
        out.add(new LabelledText(f[2], c));
      }
    }
    return out;
  }

  /** A user's CSV with a header naming {@code text} and {@code label} (complaint, question, praise, neutral). */
  public static List<LabelledText> labelledCsv(Path file) throws IOException {
    try (BufferedReader r = open(file)) {
      return labelledCsv(file.toString(), r);
    } catch (MalformedInputException e) {
      throw notUtf8(file);
    }
  }

  /**
   * The optional {@code language} column of a {@code text,label} CSV (an ISO 639-1 code per text, lower-cased), one
   * entry per row {@link #labelledCsv(Path)} reads, in the same order; an empty list when there is no such column.
   */
  public static List<String> languages(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = open(file)) {
      Csv csv = new Csv(r, file.toString(), ',');
      Csv.Row header = csv.next();
      column(file, header, "text");
      int language = indexOf(header, "language");
      if (language < 0) {
        return List.of();
      }
      for (Csv.Row row = csv.next(); row != null; row = csv.next()) {
        if (row.fields().size() == 1 && row.fields().get(0).isBlank()) {
          continue;
        }
        out.add(fields(file, row, language + 1).get(language).trim().toLowerCase(Locale.ROOT));
      }
    } catch (MalformedInputException e) {
      throw notUtf8(file);
    }
    return out;
  }

  /** The fixture files written for this project and shipped in the jar, in training order. */
  public static final List<String> FIXTURE_RESOURCES = List.of("/classify/fixtures.csv",
      "/classify/fixtures-generated.csv", "/classify/fixtures-ko.csv", "/classify/fixtures-en.csv",
      "/classify/fixtures-tweets.csv");

  /**
   * The fixtures written for this project and shipped in the jar: {@code classify/fixtures.csv} (hand-written),
   * {@code classify/fixtures-generated.csv} (our own templates expanded by {@code src/tools/generate_fixtures.py}),
   * {@code classify/fixtures-ko.csv} (hand-written Korean posts to brands, mostly questions and neutral remarks:
   * the Korean reviews of NSMC are only good or bad), then {@code classify/fixtures-en.csv} (hand-written English
   * posts to brands: sarcasm, plain failures, praise of a fix, remarks about orders), then
   * {@code classify/fixtures-tweets.csv} (hand-written English posts in the messier style of real tweets: slang,
   * typos, hashtags, sarcasm, negated praise such as "no delays, no fuss"). Appended in this order, so
   * a new file leaves the earlier rows' training order as it was.
   */
  public static List<LabelledText> fixtures() throws IOException {
    List<LabelledText> out = new ArrayList<>();
    for (String name : FIXTURE_RESOURCES) {
      try (InputStream in = Corpora.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new BadInputException(name + ": missing from the jar");
        }
        out.addAll(labelledCsv(name, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
      }
    }
    return out;
  }

  static List<LabelledText> labelledCsv(String name, BufferedReader r) throws IOException {
    Path file = Path.of(name);
    List<LabelledText> out = new ArrayList<>();
    Csv csv = new Csv(r, file.toString(), ',');
    Csv.Row header;
    try {
      header = csv.next();
      int text = column(file, header, "text");
      int label = column(file, header, "label");
      for (Csv.Row row = csv.next(); row != null; row = csv.next()) {
        if (row.fields().size() == 1 && row.fields().get(0).isBlank()) {
          continue;
        }
        List<String> f = fields(file, row, Math.max(text, label) + 1);
        String id = f.get(label).trim().toLowerCase(Locale.ROOT);
        int line = row.line();
        Category c = Category.parse(id).orElseThrow(() -> bad(file, line,
            "label '" + f.get(label) + "' is not complaint, question, praise or neutral"));
        out.add(new LabelledText(f.get(text), c));
      }
    } catch (IOException e) {
      if (e instanceof MalformedInputException) {
        throw e;
      }
      throw new BadInputException(name + ": " + e.getMessage());
    }
    return nonEmpty(file, out);
  }

  /** Opens a data file; a directory is named as one here, since reading it fails with a bare "Is a directory". */
  private static BufferedReader open(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new BadInputException(file + ": is a directory");
    }
    return Files.newBufferedReader(file, StandardCharsets.UTF_8);
  }

  /**
   * "FILE:LINE: not UTF-8 text", naming the first line that is not. Decoding errors do not say where they are, so
   * the file is decoded again here, only once it has failed; without a line for a file too large to hold.
   */
  private static BadInputException notUtf8(Path file) {
    try {
      if (Files.size(file) > MAX_RESCAN_BYTES) {
        return new BadInputException(file + ": not UTF-8 text");
      }
      byte[] bytes = Files.readAllBytes(file);
      ByteBuffer in = ByteBuffer.wrap(bytes);
      CharBuffer out = CharBuffer.allocate(1 << 16);
      CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
      for (CoderResult r = decoder.decode(in, out, true); !r.isUnderflow(); r = decoder.decode(in, out, true)) {
        if (r.isError()) {
          int line = 1;
          for (int i = 0; i < in.position(); i++) {
            line += bytes[i] == '\n' ? 1 : 0;
          }
          return bad(file, line, "not UTF-8 text");
        }
        out.clear();
      }
    } catch (IOException e) {
      // fall through to the message without a line
    }
    return new BadInputException(file + ": not UTF-8 text");
  }

  private static int column(Path file, Csv.Row header, String name) {
    if (header == null) {
      throw new BadInputException(file + ": empty file (expected a header line)");
    }
    int i = indexOf(header, name);
    if (i < 0) {
      throw bad(file, 1, "header has no '" + name + "' column (found " + header.fields() + ")");
    }
    return i;
  }

  private static int indexOf(Csv.Row header, String name) {
    List<String> h = header.fields();
    for (int i = 0; i < h.size(); i++) {
      if (h.get(i).trim().replace("\uFEFF", "").equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> fields(Path file, Csv.Row row, int needed) {
    if (row.fields().size() < needed) {
      throw bad(file, row.line(), "expected " + needed + " fields, found " + row.fields().size());
    }
    return row.fields();
  }

  private static List<LabelledText> nonEmpty(Path file, List<LabelledText> out) {
    if (out.isEmpty()) {
      throw new BadInputException(file + ": no labelled rows");
    }
    return out;
  }

  private static BadInputException bad(Path file, int line, String message) {
    return new BadInputException(file + ":" + line + ": " + message);
  }
}
