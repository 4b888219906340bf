package io.replywatch.cli;

import io.replywatch.classify.Analyzer;
import io.replywatch.classify.Category;
import io.replywatch.classify.corpus.BadInputException;
import io.replywatch.classify.corpus.Corpora;
import io.replywatch.classify.corpus.LabelledText;
import io.replywatch.classify.eval.Confusion;
import io.replywatch.classify.eval.Evaluation;
import io.replywatch.classify.eval.LanguageCheck;
import io.replywatch.classify.eval.LearningCurve;
import io.replywatch.classify.eval.OffsetSweep;
import io.replywatch.classify.eval.RequestCheck;
import io.replywatch.classify.model.TextClassifier;
import io.replywatch.classify.model.Trainer;
import io.replywatch.usage.UsageException;
import io.vertx.core.json.Json;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code eval}: measures the classifier (shipped, trained, or by cross-validation) on a labelled data set. */
public final class EvalCommand implements Command {
  /** The precision at which --sweep reports the best recall: the target for the shipped model. */
  static final double SWEEP_PRECISION = 0.85;

  @Override
  public String name() {
    return "eval";
  }

  @Override
  public String summary() {
    return "measure the classifier on labelled data";
  }

  @Override
  public String usage() {
    return """
        usage: replywatch eval --input FILE --format airline|nsmc|vader|csv|cdp [--json] [--cv K] [--model FILE]
                     [--balance B] [--runs N] [--seed S] [--sweep] [--curve]

        Prints accuracy, macro-F1 (over the categories in the labels; also with question folded into neutral),
        complaint precision and recall, throughput (mentions/s, one thread, timed after a warm-up pass) and the
        confusion matrix (rows: label, columns: prediction).
          --format airline  Twitter US Airline Sentiment Tweets.csv: negative -> complaint, positive -> praise,
                            neutral -> question when the text asks something, else neutral; rows repeating a
                            tweet_id or an exact text are dropped
          --format nsmc     NSMC tab-separated reviews (columns document, label): 0 -> complaint, 1 -> praise
          --format csv      your own CSV with columns text,label, as for 'train --input'; also prints the
                            languages the classifier reports, and with a column language (ISO 639-1 codes)
                            language_accuracy, the share reported in the language given (not with --cv)
          --format vader    a directory of VADER's rated texts, labelled as 'train --vader' does
          --format cdp      IBM customer-care dialogs (ibm_cdp_tweets.csv): the customers' opening tweets, each
                            of which began a support request; prints support_request_recall, the share read as
                            a complaint or a question (the ones that get an SLA clock), and the predictions
          --model FILE      test a model written by 'train' instead of the shipped default model
          --cv K            K-fold stratified cross-validation (seed 42): trains the same model type on K-1 folds
                            of FILE and tests on the rest; without it the shipped model (or --model) is tested
          --balance B       with --cv: class weighting as in 'train --balance' (default 0)
          --runs N          with --cv: average N training runs as 'train --runs' does (default 1)
          --seed S          with --cv: the training runs' shuffling seed, as for 'train --seed' (the folds
                            keep seed 42)
          --curve           with --cv: also accuracy and macro-F1 with each training fold cut to 25%, 50% and
                            75% of its texts (stratified, fixed seed; test folds unchanged): a curve still rising
                            at 100% says more labelled data would help, a flat one says it would not
          --sweep           also complaint precision and recall if the complaint offset were moved by -1 to +1
                            log-odds (see 'train --complaint-offset'), and the best recall any offset reaches at
                            precision 0.85, with that offset (the largest that reaches it; it may lie beyond +-1);
                            to choose an offset for your own model on your own labelled data
          --json            one object: accuracy, macro_f1, complaint_precision, complaint_recall,
                            mentions_per_second, confusion (and languages, language_accuracy as above)""";
  }

  /** How the models were trained, as the output's model line: what a reader needs to repeat the figure. */
  private static String crossValidation(int k, Args args, Trainer trainer) {
    return k + "-fold cross-validation (seed 42, balance " + args.get("--balance", "0")
        + (trainer.runs() > 1 ? ", " + trainer.runs() + " runs averaged" : "")
        + (args.has("--seed") ? ", shuffle seed " + trainer.seed() : "") + ")";
  }

  @Override
  public int run(List<String> raw, Console io) throws Exception {
    Args args = Args.parse(raw, Set.of("--input", "--format", "--cv", "--model", "--balance", "--runs",
        "--seed"), Set.of("--json", "--sweep", "--curve"));
    Path input = Path.of(args.require("--input"));
    String format = args.require("--format");
    int k = args.intValue("--cv", 0, 2, 20);
    Trainer trainer = TrainCommand.trainer(args);
    for (String option : List.of("--balance", "--runs", "--seed")) {
      if (args.has(option) && !args.has("--cv")) {
        throw new UsageException(option + " only applies to the models --cv trains");
      }
    }
    if (args.has("--curve") && !args.has("--cv")) {
      throw new UsageException("--curve repeats the cross-validation with less training data; it needs --cv");
    }
    if (args.has("--cv") && args.has("--sweep")) {
      throw new UsageException("--sweep measures one model; it cannot be combined with --cv");
    }
    if (args.has("--cv") && args.has("--model")) {
      throw new UsageException("--cv trains its own models; it cannot be combined with --model");
    }
    if ("cdp".equals(format)) {
      if (args.has("--cv")) {
        throw new UsageException("--cv needs labels; --format cdp has none (every text is a support request)");
      }
      if (args.has("--sweep")) {
        throw new UsageException("--sweep needs labels to count false complaints; --format cdp has none");
      }
      List<String> requests = readRequests(input);
      io.err().println("eval: " + requests.size() + " opening customer tweets from " + input);
      RequestCheck r = RequestCheck.of(ModelOption.classifier(args), requests);
      String mode = args.has("--model") ? "model " + args.require("--model") : "shipped default model";
      io.out().println(args.has("--json") ? json(r, mode) : plain(r, mode, input));
      return 0;
    }
    Analyzer analyzer = Analyzer.shipped();
    List<LabelledText> data = read(input, format, analyzer);
    if (k > 0) {
      TrainingData.requireFoldable(input.toString(), data, k);
    }
    io.err().println("eval: " + data.size() + " texts from " + input);
    TextClassifier model = k > 0 ? null : ModelOption.classifier(args);
    Evaluation e = k > 0
        ? Evaluation.crossValidate(analyzer, data, k, trainer, io.err()::println)
        : Evaluation.of(model, data);
    OffsetSweep sweep = args.has("--sweep") ? sweep(model, data) : null;
    LanguageCheck languages = k == 0 && "csv".equals(format)
        ? LanguageCheck.of(model, data.stream().map(LabelledText::text).toList(), Corpora.languages(input)) : null;
    LearningCurve curve = args.has("--curve")
        ? LearningCurve.of(analyzer, data, k, trainer, e, io.err()::println) : null;
    String mode = k > 0 ? crossValidation(k, args, trainer)
        : args.has("--model") ? "model " + args.require("--model") : "shipped default model";
    io.out().println(args.has("--json") ? json(e, data.size(), mode, sweep, curve, languages)
        : plain(e, data.size(), mode, input, sweep, curve, languages));
    return 0;
  }

  private static OffsetSweep sweep(TextClassifier model, List<LabelledText> data) {
    double[] margin = new double[data.size()];
    boolean[] complaint = new boolean[data.size()];
    for (int i = 0; i < margin.length; i++) {
      margin[i] = model.complaintMargin(data.get(i).text());
      complaint[i] = data.get(i).label() == Category.COMPLAINT;
    }
    return OffsetSweep.of(margin, complaint, SWEEP_PRECISION);
  }

  private static List<LabelledText> read(Path input, String format, Analyzer analyzer) throws Exception {
    return usageErrors(() -> switch (format) {
      case "airline" -> Corpora.airline(input, text -> analyzer.analyze(text).question());
      case "nsmc" -> Corpora.nsmc(input);
      case "vader" -> Corpora.vader(input);
      case "csv" -> Corpora.labelledCsv(input);
      default -> throw new UsageException("--format must be airline, nsmc, vader, csv or cdp, got '" + format + "'");
    });
  }

  private static List<String> readRequests(Path input) throws Exception {
    return usageErrors(() -> Corpora.supportOpenings(input));
  }

  private interface InputRead<T> {
    T read() throws java.io.IOException;
  }

  /** A bad or missing input file is the user's to fix: one line naming it, exit 2. */
  private static <T> T usageErrors(InputRead<T> read) throws java.io.IOException {
    try {
      return read.read();
    } catch (BadInputException e) {
      throw new UsageException(e.getMessage());
    } catch (NoSuchFileException e) {
      throw new UsageException(e.getFile() + ": no such file");
    }
  }

  static String plain(RequestCheck r, String mode, Path input) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "data:                %s (%d opening customer tweets, all support requests)%n",
        input, r.total()));
    sb.append(String.format(Locale.ROOT, "model:               %s%n", mode));
    sb.append(String.format(Locale.ROOT, "support_request_recall: %.4f (read as complaint or question)%n", r.recall()));
    sb.append("predicted:          ");
    r.predicted().forEach((c, n) -> sb.append(' ').append(c.id()).append(' ').append(n));
    sb.append(String.format(Locale.ROOT, "%nmentions_per_second: %.0f", r.mentionsPerSecond()));
    return sb.toString();
  }

  static String json(RequestCheck r, String mode) {
    StringBuilder p = new StringBuilder("{");
    r.predicted().forEach((c, n) -> p.append(p.length() > 1 ? "," : "").append('"').append(c.id()).append("\":").append(n));
    p.append('}');
    return String.format(Locale.ROOT, "{\"mode\":%s,\"texts\":%d,\"support_request_recall\":%.4f,"
        + "\"mentions_per_second\":%.0f,\"predicted\":%s}", Json.encode(mode), r.total(),
        r.recall(), r.mentionsPerSecond(), p);
  }

  static String plain(Evaluation e, int texts, String mode, Path input, OffsetSweep sweep, LearningCurve curve,
      LanguageCheck languages) {
    Confusion c = e.confusion();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "data:                %s (%d texts)%n", input, texts));
    sb.append(String.format(Locale.ROOT, "model:               %s%n", mode));
    sb.append(String.format(Locale.ROOT, "accuracy:            %.4f%n", c.accuracy()));
    sb.append(String.format(Locale.ROOT, "macro_f1:            %.4f%n", c.macroF1()));
    sb.append(String.format(Locale.ROOT, "macro_f1_question_as_neutral: %.4f%n", c.questionAsNeutral().macroF1()));
    sb.append(String.format(Locale.ROOT, "complaint_precision: %.4f%n", c.precision(Category.COMPLAINT)));
    sb.append(String.format(Locale.ROOT, "complaint_recall:    %.4f%n", c.recall(Category.COMPLAINT)));
    sb.append(String.format(Locale.ROOT, "mentions_per_second: %.0f%n", e.mentionsPerSecond()));
    if (languages != null) {
      sb.append("languages:          ");
      languages.reported().forEach((code, n) -> sb.append(' ').append(code).append(' ').append(n));
      sb.append('\n');
      if (languages.given() > 0) {
        sb.append(String.format(Locale.ROOT, "language_accuracy:   %.4f (%d of %d texts reported in the language given)%n",
            languages.accuracy(), languages.matched(), languages.given()));
      }
    }
    sb.append("confusion (rows: label, columns: predicted):\n");
    List<Category> used = c.used();
    sb.append(String.format("  %-10s", ""));
    used.forEach(p -> sb.append(String.format("%10s", p.id())));
    for (Category g : used) {
      sb.append(String.format("%n  %-10s", g.id()));
      used.forEach(p -> sb.append(String.format("%10d", c.count(g, p))));
    }
    if (sweep != null) {
      sb.append("\ncomplaint offset sweep (log-odds added to the model's own offset):");
      sb.append(String.format("%n  %7s %10s %10s", "offset", "precision", "recall"));
      for (OffsetSweep.Point p : sweep.points()) {
        sb.append(String.format(Locale.ROOT, "%n  %+7.2f %10.4f %10.4f", p.offset(), p.precision(), p.recall()));
      }
      sb.append(String.format(Locale.ROOT, "%ncomplaint_recall_at_precision_%.2f: %.4f (offset %+.2f)", sweep.precision(),
          sweep.recallAtPrecision(), sweep.offsetAtPrecision()));
    }
    if (curve != null) {
      sb.append("\nlearning curve (each training fold cut to a share of its texts; same test folds):");
      sb.append(String.format("%n  %6s %12s %10s %10s", "share", "train_texts", "accuracy", "macro_f1"));
      for (LearningCurve.Point p : curve.points()) {
        sb.append(String.format(Locale.ROOT, "%n  %6.2f %12d %10.4f %10.4f", p.share(), p.trainTexts(), p.accuracy(),
            p.macroF1()));
      }
    }
    return sb.toString();
  }

  static String json(Evaluation e, int texts, String mode, OffsetSweep sweep, LearningCurve curve,
      LanguageCheck languages) {
    Confusion c = e.confusion();
    StringBuilder m = new StringBuilder("{");
    List<Category> used = c.used();
    for (int i = 0; i < used.size(); i++) {
      Category g = used.get(i);
      m.append(i == 0 ? "" : ",").append('"').append(g.id()).append("\":{");
      for (int j = 0; j < used.size(); j++) {
        m.append(j == 0 ? "" : ",").append('"').append(used.get(j).id()).append("\":").append(c.count(g, used.get(j)));
      }
      m.append('}');
    }
    m.append('}');
    StringBuilder sw = new StringBuilder();
    if (sweep != null) {
      java.util.StringJoiner points = new java.util.StringJoiner(",", ",\"complaint_sweep\":[", "]");
      for (OffsetSweep.Point p : sweep.points()) {
        points.add(String.format(Locale.ROOT, "{\"offset\":%.2f,\"precision\":%.4f,\"recall\":%.4f}", p.offset(),
            p.precision(), p.recall()));
      }
      sw.append(points).append(String.format(Locale.ROOT, ",\"complaint_recall_at_precision\":{\"precision\":%.2f,\"recall\":%.4f,"
          + "\"offset\":%s}", sweep.precision(), sweep.recallAtPrecision(), Double.isNaN(sweep.offsetAtPrecision())
          ? "null" : String.format(Locale.ROOT, "%.4f", sweep.offsetAtPrecision())));
    }
    if (curve != null) {
      java.util.StringJoiner points = new java.util.StringJoiner(",", ",\"learning_curve\":[", "]");
      for (LearningCurve.Point p : curve.points()) {
        points.add(String.format(Locale.ROOT, "{\"share\":%.2f,\"train_texts\":%d,\"accuracy\":%.4f,\"macro_f1\":%.4f}",
            p.share(), p.trainTexts(), p.accuracy(), p.macroF1()));
      }
      sw.append(points);
    }
    if (languages != null) {
      java.util.StringJoiner codes = new java.util.StringJoiner(",", ",\"languages\":{", "}");
      languages.reported().forEach((code, n) -> codes.add(Json.encode(code) + ":" + n));
      sw.append(codes);
      if (languages.given() > 0) {
        sw.append(String.format(Locale.ROOT, ",\"language_accuracy\":%.4f", languages.accuracy()));
      }
    }
    return String.format(Locale.ROOT, "{\"mode\":%s,\"texts\":%d,\"accuracy\":%.4f,\"macro_f1\":%.4f,"
        + "\"macro_f1_question_as_neutral\":%.4f,\"complaint_precision\":%.4f,\"complaint_recall\":%.4f,\"mentions_per_second\":%.0f,\"confusion\":%s%s}",
        Json.encode(mode), texts, c.accuracy(), c.macroF1(), c.questionAsNeutral().macroF1(),
        c.precision(Category.COMPLAINT), c.recall(Category.COMPLAINT), e.mentionsPerSecond(), m, sw);
  }
}
