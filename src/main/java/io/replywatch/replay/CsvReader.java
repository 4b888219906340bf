package io.replywatch.replay;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: comma-separated fields, fields quoted with {@code "} may hold commas, quotes written
 * twice, and line breaks ({@code \n}, {@code \r\n} or a bare {@code \r}), so a multi-line tweet is one record.
 * Written here rather than pulled in as a dependency because this is all the replay formats need. Tracks the
 * physical line each record starts on, for error messages.
 */
public final class CsvReader {
  private final Reader in;
  private final String source;
  private final char[] buffer = new char[1 << 16];
  private int pos;
  private int limit;
  private long line = 1;
  private long recordLine;
  private int peeked = -2;

  /** @param in read in large chunks: no need to wrap it in a BufferedReader */
  public CsvReader(Reader in, String source) {
    this.in = in;
    this.source = source;
  }

  /** The physical line (1-based) on which the last record returned by {@link #next()} started. */
  public long recordLine() {
    return recordLine;
  }

  /** The next record's fields, or {@code null} at the end of the input. Blank lines are skipped. */
  public List<String> next() throws IOException {
    int c = read();
    while (c == '\n' || c == '\r') {
      newline(c);
      c = read();
    }
    if (c == -1) {
      return null;
    }
    recordLine = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    while (true) {
      if (c == '"' && field.length() == 0) {
        c = quoted(field);
      }
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        c = read();
      } else if (c == '\n' || c == '\r' || c == -1) {
        if (c != -1) {
          newline(c);
        }
        fields.add(field.toString());
        return fields;
      } else if (c == '"') {
        throw new BadInputException(source, line, "a quote inside an unquoted field (quote the field and double the quote)");
      } else {
        field.append((char) c);
        c = read();
      }
    }
  }

  /** Reads a quoted field's content after its opening quote; returns the character after the closing quote. */
  private int quoted(StringBuilder field) throws IOException {
    while (true) {
      int c = read();
      if (c == -1) {
        throw new BadInputException(source, recordLine, "a quoted field is not closed before the end of the file");
      }
      if (c == '"') {
        int after = read();
        if (after != '"') {
          if (after != ',' && after != '\n' && after != '\r' && after != -1) {
            throw new BadInputException(source, line, "unexpected text after a closing quote");
          }
          return after;
        }
        field.append('"');
      } else {
        if (c == '\n' || c == '\r' && peek() != '\n') {
          line++;
        }
        field.append((char) c);
      }
    }
  }

  /** Finishes a line break that started with {@code c} (a {@code \r} may be followed by {@code \n}). */
  private void newline(int c) throws IOException {
    line++;
    if (c == '\r' && peek() == '\n') {
      read();
    }
  }

  private int peek() throws IOException {
    if (peeked == -2) {
      peeked = fetch();
    }
    return peeked;
  }

  private int read() throws IOException {
    if (peeked != -2) {
      int c = peeked;
      peeked = -2;
      return c;
    }
    return fetch();
  }

  private int fetch() throws IOException {
    if (pos == limit) {
      int n = in.read(buffer, 0, buffer.length);
      while (n == 0) {
        n = in.read(buffer, 0, buffer.length);
      }
      if (n < 0) {
        return -1;
      }
      pos = 0;
      limit = n;
    }
    return buffer[pos++];
  }
}
