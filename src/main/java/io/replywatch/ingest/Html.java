package io.replywatch.ingest;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the sanitised HTML some platforms send (Mastodon's {@code content}) into the plain text we classify and
 * show: paragraphs and line breaks become newlines, tags go, entities are decoded.
 */
public final class Html {
  /**
   * Block tags: a run of them, opening or closing, with only whitespace between, is one line break. Mastodon 4.2+
   * keeps lists, quotes and code blocks in remote posts; dropping those tags ran the words of items together
   * ("broken:appsite").
   */
  private static final java.util.Set<String> BLOCK =
      java.util.Set.of("p", "div", "li", "ul", "ol", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  private static final Map<String, String> NAMED = Map.of(
      "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ", "hellip", "\u2026");

  private enum Tag { BLOCK, BREAK, OTHER }

  private Html() {}

  /**
   * One pass, no regular expressions: it runs on every Mastodon post, and three regex passes cost a quarter of
   * the ingest rate. A tag never spans a '<', so a run of unclosed tags ("<p<p<p...") stays text, in linear time.
   */
  public static String toText(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(html.length());
    boolean inBlockRun = false;
    int n = html.length();
    int i = 0;
    while (i < n) {
      char c = html.charAt(i);
      int end = c == '<' ? tagEnd(html, i) : -1;
      if (end >= 0) {
        Tag tag = tag(html, i + 1, end);
        if (tag == Tag.BLOCK && !inBlockRun) {
          out.append('\n');
        } else if (tag == Tag.BREAK) {
          out.append('\n');
        }
        inBlockRun = tag == Tag.BLOCK;
        i = end + 1;
      } else if (inBlockRun && isSpace(c)) {
        i++; // whitespace between block tags belongs to their line break
      } else {
        inBlockRun = false;
        out.append(c);
        i++;
      }
    }
    return decodeEntities(out.toString()).strip();
  }

  /** The index of the '>' closing the tag opened at {@code lt}, or -1 when a '<' or the end comes first. */
  private static int tagEnd(String s, int lt) {
    for (int k = lt + 1; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '>') {
        return k;
      }
      if (c == '<') {
        return -1;
      }
    }
    return -1;
  }

  /** What the tag between {@code from} (after '<') and {@code to} (the '>') is: names compare in ASCII case. */
  private static Tag tag(String s, int from, int to) {
    boolean closing = from < to && s.charAt(from) == '/';
    int nameStart = closing ? from + 1 : from;
    int k = nameStart;
    while (k < to && isAsciiLetterOrDigit(s.charAt(k))) {
      k++;
    }
    if (k < to && (s.charAt(k) == '_' || Character.isLetterOrDigit(s.charAt(k)))) {
      return Tag.OTHER; // the name goes on: "<p_x>" or "<lié>" is no <p> or <li>
    }
    String name = s.substring(nameStart, k).toLowerCase(java.util.Locale.ROOT);
    if (BLOCK.contains(name)) {
      return Tag.BLOCK;
    }
    if (!closing && name.equals("br")) {
      while (k < to && isSpace(s.charAt(k))) {
        k++;
      }
      if (k < to && s.charAt(k) == '/') {
        k++;
      }
      return k == to ? Tag.BREAK : Tag.OTHER;
    }
    return Tag.OTHER;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** HTML's and the old pattern's whitespace: space, tab, newline, vertical tab, form feed, carriage return. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  public static String decodeEntities(String s) {
    if (s.indexOf('&') < 0) {
      return s; // most posts: no entity, no matcher
    }
    Matcher m = ENTITY.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1), m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String entity(String name, String raw) {
    try {
      if (name.startsWith("#x") || name.startsWith("#X")) {
        return codePoint(Integer.parseInt(name.substring(2), 16), raw);
      }
      if (name.startsWith("#")) {
        return codePoint(Integer.parseInt(name.substring(1)), raw);
      }
    } catch (NumberFormatException e) {
      return raw;
    }
    return NAMED.getOrDefault(name, raw);
  }

  private static String codePoint(int cp, String raw) {
    return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : raw;
  }
}
