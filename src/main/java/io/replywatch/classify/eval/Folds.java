package io.replywatch.classify.eval;

import io.replywatch.classify.Category;
import io.replywatch.classify.corpus.LabelledText;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Stratified k-fold assignment with a fixed seed: each category is shuffled and dealt round-robin into folds. */
public final class Folds {
  public static final long SEED = 42;

  private Folds() {}

  /** The fold (0..k-1) of each example, in input order. */
  public static int[] assign(List<LabelledText> data, int k, long seed) {
    Map<Category, List<Integer>> byLabel = new EnumMap<>(Category.class);
    for (int i = 0; i < data.size(); i++) {
      byLabel.computeIfAbsent(data.get(i).label(), c -> new ArrayList<>()).add(i);
    }
    int[] fold = new int[data.size()];
    Random random = new Random(seed);
    int next = 0;
    for (List<Integer> members : byLabel.values()) {
      java.util.Collections.shuffle(members, random);
      for (int i : members) {
        fold[i] = next;
        next = (next + 1) % k;
      }
    }
    return fold;
  }
}
