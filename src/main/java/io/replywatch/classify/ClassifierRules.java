package io.replywatch.classify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Configured rules that force a category before the model is asked: VIP author handles first, then keywords
 * (matched case-insensitively as whole words or phrases, in configuration order). A team uses them for what the
 * model cannot know, such as "#acmefail is always a complaint" or "our biggest customer always gets a clock".
 *
 * @param keywords lower-cased keyword or phrase to the category it forces
 * @param authors lower-cased handle without a leading {@code @} to the category it forces
 */
public record ClassifierRules(Map<String, Category> keywords, Map<String, Category> authors) {

  public static final ClassifierRules NONE = new ClassifierRules(Map.of(), Map.of());

  public ClassifierRules {
    keywords = normalise(keywords, false);
    authors = normalise(authors, true);
  }

  /**
   * Builds rules from configuration lists keyed by category id, e.g. {@code {complaint: ["#acmefail"]}}.
   *
   * @throws IllegalArgumentException naming the key when a category id is unknown
   */
  public static ClassifierRules fromConfig(Map<String, List<String>> keywords, Map<String, List<String>> vipAuthors) {
    return new ClassifierRules(byWord(keywords, "keywords"), byWord(vipAuthors, "vipAuthors"));
  }

  /** The category the rules force for this text and author, if any. */
  public Optional<Category> apply(String text, String authorHandle) {
    if (!authors.isEmpty() && authorHandle != null && !authorHandle.isEmpty()) {
      Category c = authors.get(key(authorHandle, true));
      if (c != null) {
        return Optional.of(c);
      }
    }
    if (keywords.isEmpty() || text == null || text.isEmpty()) {
      return Optional.empty();
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, Category> e : keywords.entrySet()) {
      if (containsWord(lower, e.getKey())) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  static boolean containsWord(String text, String word) {
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
      int end = at + word.length();
      boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
      if (startOk && endOk) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Category> byWord(Map<String, List<String>> byCategory, String key) {
    Map<String, Category> out = new LinkedHashMap<>();
    if (byCategory == null) {
      return out;
    }
    byCategory.forEach((id, words) -> {
      Category c = Category.parse(id).orElseThrow(() -> new IllegalArgumentException(
          key + "." + id + ": unknown category (expected complaint, question, praise or neutral)"));
      for (String w : words) {
        out.putIfAbsent(w, c);
      }
    });
    return out;
  }

  private static Map<String, Category> normalise(Map<String, Category> m, boolean handles) {
    Map<String, Category> out = new LinkedHashMap<>();
    if (m != null) {
      m.forEach((k, v) -> {
        String key = key(k, handles);
        if (!key.isEmpty() && v != null) {
          out.putIfAbsent(key, v);
        }
      });
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private static String key(String s, boolean handle) {
    String k = s.trim().toLowerCase(Locale.ROOT);
    return handle && k.startsWith("@") ? k.substring(1) : k;
  }
}
