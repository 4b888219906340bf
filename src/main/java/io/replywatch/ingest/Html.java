package io.replywatch.ingest;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the sanitised HTML some platforms send (Mastodon's {@code content}) into the plain text we classify and
 * show: paragraphs and line breaks become newlines, tags go, entities are decoded.
 */
public final class Html {
  private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>");
  /**
   * A run of block tags, opening or closing, is one line break. Mastodon 4.2+ keeps lists, quotes and code blocks
   * in remote posts; dropping those tags ran the words of items together ("broken:appsite").
   */
  private static final Pattern BLOCK = Pattern.compile(
      "(?i)(?:</?(?:p|div|li|ul|ol|blockquote|pre|h[1-6])\\b[^<>]*+>\\s*+)++");
  /** No tag spans a '<': a run of unclosed tags ("<p<p<p…") took quadratic time, seconds for 40 kB. */
  private static final Pattern TAG = Pattern.compile("<[^<>]*+>");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  private static final Map<String, String> NAMED = Map.of(
      "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ", "hellip", "\u2026");

  private Html() {}

  public static String toText(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    String text = BLOCK.matcher(html).replaceAll("\n");
    text = BREAK.matcher(text).replaceAll("\n");
    text = TAG.matcher(text).replaceAll("");
    return decodeEntities(text).strip();
  }

  public static String decodeEntities(String s) {
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
