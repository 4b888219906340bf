package io.replywatch.classify;

import java.util.Arrays;

/**
 * The words of one text, lower-cased, with which of them were written in capitals, and the count of {@code !} and
 * {@code ?}. Handles become {@code @user}, links {@code <url>}; each emoji is a token of its own.
 */
public final class Tokens {
  private String[] words = new String[16];
  private boolean[] caps = new boolean[16];
  private int size;
  int exclamations;
  int questionMarks;

  void add(String word, boolean capitals) {
    if (size == words.length) {
      words = Arrays.copyOf(words, size * 2);
      caps = Arrays.copyOf(caps, size * 2);
    }
    words[size] = word;
    caps[size++] = capitals;
  }

  public int size() {
    return size;
  }

  public String word(int i) {
    return words[i];
  }

  public boolean capitals(int i) {
    return caps[i];
  }

  public int exclamations() {
    return exclamations;
  }

  public int questionMarks() {
    return questionMarks;
  }

  /** Whether some but not all words are in capitals (VADER's emphasis rule needs the difference). */
  public boolean mixedCase() {
    int capitals = 0;
    for (int i = 0; i < size; i++) {
      if (caps[i]) {
        capitals++;
      }
    }
    return capitals > 0 && capitals < size;
  }

  @Override
  public String toString() {
    return Arrays.toString(Arrays.copyOf(words, size));
  }
}
