package io.replywatch.classify.eval;

import io.replywatch.classify.Category;
import io.replywatch.classify.Classifier;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How many texts known to be support requests get an SLA clock, i.e. are read as a complaint or a question. A
 * request read as praise or neutral is the miss that matters most: nobody is warned when it waits.
 *
 * @param predicted how many texts got each category
 * @param mentionsPerSecond texts classified per second on one thread (timed after a warm-up pass)
 */
public record RequestCheck(Map<Category, Integer> predicted, double mentionsPerSecond) {

  public static RequestCheck of(Classifier classifier, List<String> requests) {
    for (String t : requests) {
      classifier.classify(t, "");
    }
    Map<Category, Integer> counts = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      counts.put(c, 0);
    }
    long start = System.nanoTime();
    for (String t : requests) {
      counts.merge(classifier.classify(t, "").category(), 1, Integer::sum);
    }
    double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    return new RequestCheck(counts, requests.size() / seconds);
  }

  public int total() {
    return predicted.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Share of the requests read as a complaint or a question. */
  public double recall() {
    int hit = predicted.get(Category.COMPLAINT) + predicted.get(Category.QUESTION);
    return total() == 0 ? 0 : (double) hit / total();
  }
}
