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

  /**
   * A stratified subsample: from each category, that share of its texts (at least one), drawn with a fixed seed;
   * the result keeps the input order.
   */
  public static List<LabelledText> subsample(List<LabelledText> data, double share, long seed) {
    if (share <= 0 || share > 1) {
      throw new IllegalArgumentException("share must be in (0, 1], got " + share);
    }
    Map<Category, List<Integer>> byLabel = new EnumMap<>(Category.class);
    for (int i = 0; i < data.size(); i++) {
      byLabel.computeIfAbsent(data.get(i).label(), c -> new ArrayList<>()).add(i);
    }
    boolean[] kept = new boolean[data.size()];
    Random random = new Random(seed);
    for (List<Integer> members : byLabel.values()) {
      java.util.Collections.shuffle(members, random);
      int n = (int) Math.max(1, Math.round(members.size() * share));
      members.subList(0, n).forEach(i -> kept[i] = true);
    }
    List<LabelledText> out = new ArrayList<>();
    for (int i = 0; i < kept.length; i++) {
      if (kept[i]) {
        out.add(data.get(i));
      }
    }
    return out;
  }
}
