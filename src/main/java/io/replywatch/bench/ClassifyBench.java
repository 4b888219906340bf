package io.replywatch.bench;

import io.replywatch.classify.Analyzer;
import io.replywatch.classify.Classifier;
import io.replywatch.classify.ClassifierRules;
import io.replywatch.classify.corpus.Corpora;
import io.replywatch.classify.corpus.LabelledText;
import io.replywatch.classify.model.TextClassifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;

/**
 * {@code bench} section {@code classify}: mentions classified per second with the shipped model, beside a
 * tokenize-only pass over the same texts in the same run, both on {@link #THREADS} threads. The texts are built
 * from the fixtures shipped in the jar (so the bench runs on a fresh clone), varied with handles, links and emoji.
 */
public final class ClassifyBench implements BenchSection {
  /** The product target is stated for two cores. */
  public static final int THREADS = 2;

  private final int texts;
  private final long minNanos;

  public ClassifyBench() {
    this(20_000, 2_000_000_000L);
  }

  /** @param texts how many mentions to generate; @param minNanos how long each figure is measured at least */
  public ClassifyBench(int texts, long minNanos) {
    this.texts = texts;
    this.minNanos = minNanos;
  }

  @Override
  public String name() {
    return "classify";
  }

  @Override
  public LinkedHashMap<String, Double> run(java.util.function.Consumer<String> progress) throws Exception {
    List<String> mentions = mentions(texts);
    Classifier classifier = TextClassifier.shipped(ClassifierRules.NONE);
    Analyzer analyzer = Analyzer.shipped();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      progress.accept("warming up on " + mentions.size() + " texts");
      perSecond(pool, mentions, t -> analyzer.tokenize(t).size(), 0);
      perSecond(pool, mentions, t -> classifier.classify(t, "").category().ordinal(), 0);
      progress.accept("measuring tokenize-only");
      double tokenize = perSecond(pool, mentions, t -> analyzer.tokenize(t).size(), minNanos);
      progress.accept("measuring classification");
      double classify = perSecond(pool, mentions, t -> classifier.classify(t, "").category().ordinal(), minNanos);
      LinkedHashMap<String, Double> out = new LinkedHashMap<>();
      out.put("mentions_per_second", classify);
      out.put("tokenize_only_per_second", tokenize);
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Texts per second over rounds of the whole list split across the threads, for at least {@code minNanos}. */
  private static double perSecond(ExecutorService pool, List<String> texts, ToIntFunction<String> work,
      long minNanos) throws Exception {
    long start = System.nanoTime();
    long done = 0;
    long sink = 0;
    do {
      List<Future<Integer>> parts = new ArrayList<>();
      for (int p = 0; p < THREADS; p++) {
        List<String> part = texts.subList(p * texts.size() / THREADS, (p + 1) * texts.size() / THREADS);
        parts.add(pool.submit(() -> {
          int s = 0;
          for (String t : part) {
            s += work.applyAsInt(t);
          }
          return s;
        }));
      }
      for (Future<Integer> f : parts) {
        sink += f.get();
      }
      done += texts.size();
    } while (System.nanoTime() - start < minNanos);
    double seconds = (System.nanoTime() - start) / 1e9;
    return sink == Long.MIN_VALUE ? 0 : done / seconds;
  }

  /** Deterministic mentions built from the shipped fixtures. */
  static List<String> mentions(int n) throws Exception {
    List<String> base = Corpora.fixtures().stream().map(LabelledText::text).toList();
    String[] prefixes = {"@AcmeSupport ", "@acme_help ", "", "hey @Acme ", ""};
    String[] suffixes = {"", " 😡", " 🙏", " https://t.co/abc123", " #fail", "!!", " :)", " ㅠㅠ"};
    Random random = new Random(7);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String text = base.get(random.nextInt(base.size()));
      if (random.nextInt(3) == 0) {
        text = text + ". " + base.get(random.nextInt(base.size()));
      }
      out.add(prefixes[random.nextInt(prefixes.length)] + text + suffixes[random.nextInt(suffixes.length)]);
    }
    return out;
  }
}
