package io.replywatch.classify.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. Each record knows the
 * line it started on, so a bad row can be named in the error message.
 */
public final class Csv {
  private final BufferedReader in;
  private final String source;
  private final char separator;
  private int line;

  /** One parsed record and the 1-based line it starts on. */
  public record Row(int line, List<String> fields) {}

  /** @param source the file's name, for messages */
  public Csv(BufferedReader in, String source, char separator) {
    this.in = in;
    this.source = source;
    this.separator = separator;
  }

  /** The next record, or null at the end of input. */
  public Row next() throws IOException {
    String text = in.readLine();
    if (text == null) {
      return null;
    }
    int start = ++line;
    List<String> fields = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    while (true) {
      if (i >= text.length()) {
        if (!quoted) {
          break;
        }
        String more = in.readLine();
        if (more == null) {
          throw new BadInputException(source + ":" + start + ": quoted field is never closed");
        }
        line++;
        f.append('\n');
        text = more;
        i = 0;
        continue;
      }
      char c = text.charAt(i++);
      if (quoted) {
        if (c == '"') {
          if (i < text.length() && text.charAt(i) == '"') {
            f.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          f.append(c);
        }
      } else if (c == '"' && f.length() == 0) {
        quoted = true;
      } else if (c == separator) {
        fields.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    fields.add(f.toString());
    return new Row(start, fields);
  }
}
