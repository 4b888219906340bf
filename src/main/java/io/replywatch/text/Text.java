package io.replywatch.text;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Helpers for untrusted text (mention text, author handles) shared by every channel. Channels differ in how they
 * escape markup, but all of them must cut to a size limit without splitting a character, and some fields (log
 * lines, titles, summaries) must stay on one line so a crafted post can never forge an extra log line or header.
 */
public final class Text {

  /** Appended when text is cut, so a reader sees that something is missing. */
  public static final String ELLIPSIS = "\u2026";

  private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
  private static final int ZERO_WIDTH_JOINER = 0x200D;

  private Text() {}

  /**
   * Cuts {@code s} to at most {@code maxChars} UTF-16 chars (the unit JSON and most APIs count), ending with an
   * ellipsis when anything was dropped, and never inside a surrogate pair.
   */
  public static String cut(String s, int maxChars) {
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be at least 1");
    }
    if (s == null) {
      return "";
    }
    if (s.length() <= maxChars) {
      return s;
    }
    int end = maxChars - ELLIPSIS.length();
    if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, Math.max(end, 0)) + ELLIPSIS;
  }

  /**
   * One line of text: every line break, tab and other control or format character (including U+2028/U+2029 and
   * bidi overrides) becomes one space, runs of spaces collapse, and the ends are trimmed.
   */
  public static String singleLine(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (isUnsafe(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.appendCodePoint(cp);
    }
    return out.toString();
  }

  /**
   * Multi-line text with its line breaks kept ({@code \n} only; {@code \r\n} and {@code \r} are normalised) but
   * every other control or format character removed.
   */
  public static String multiLine(String s) {
    if (s == null) {
      return "";
    }
    String normalised = s.replace("\r\n", "\n").replace('\r', '\n')
        .replace('\u2028', '\n').replace('\u2029', '\n');
    StringBuilder out = new StringBuilder(normalised.length());
    normalised.codePoints().forEach(cp -> {
      if (cp == '\n') {
        out.append('\n');
      } else if (cp == '\t') {
        out.append(' ');
      } else if (!isUnsafe(cp)) {
        out.appendCodePoint(cp);
      }
    });
    return out.toString().strip();
  }

  /** {@link #singleLine} then {@link #cut}: the usual treatment of a title, summary or log value. */
  public static String line(String s, int maxChars) {
    return cut(singleLine(s), maxChars);
  }

  /** An author handle as people read it: one line, at most 100 chars, with a leading {@code @}. */
  public static String handle(String handle) {
    String h = singleLine(handle);
    if (h.isEmpty()) {
      return "(unknown)";
    }
    return cut(h.startsWith("@") ? h : "@" + h, 100);
  }

  /**
   * The URL when it is a plain http(s) link on one line, so a clickable link can never be {@code javascript:} or
   * carry a forged line; empty otherwise.
   */
  public static Optional<String> httpUrl(String url) {
    if (url == null || !url.equals(singleLine(url)) || url.indexOf(' ') >= 0 || url.length() > 2048) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      boolean web = "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
      return web && uri.getHost() != null ? Optional.of(url) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static boolean isUnsafe(int cp) {
    int type = Character.getType(cp);
    if (cp == ZERO_WIDTH_JOINER || cp == ZERO_WIDTH_NON_JOINER) {
      return false; // parts of emoji sequences and of some scripts' words
    }
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE;
  }
}
