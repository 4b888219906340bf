package io.replywatch.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines split on {@code '\n'} only, without the one {@code '\r'} a CRLF file puts before it. BufferedReader also
 * ends a line at a bare {@code '\r'}, so a text holding one gave two results for one input line and every later
 * result fell out of step with its input line.
 */
final class Lines {
  private final Reader in;
  private final char[] buffer = new char[1 << 13];
  private final StringBuilder line = new StringBuilder();
  private int pos;
  private int limit;

  Lines(Reader in) {
    this.in = in;
  }

  /** The next line, or null at the end of the input; text after the last {@code '\n'} is a line too. */
  String next() throws IOException {
    line.setLength(0);
    while (true) {
      if (pos == limit) {
        limit = in.read(buffer, 0, buffer.length);
        pos = 0;
        if (limit < 0) {
          limit = 0;
          return line.isEmpty() ? null : withoutCr();
        }
      }
      int start = pos;
      while (pos < limit && buffer[pos] != '\n') {
        pos++;
      }
      line.append(buffer, start, pos - start);
      if (pos < limit) {
        pos++;
        return withoutCr();
      }
    }
  }

  private String withoutCr() {
    int n = line.length();
    return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
  }
}
