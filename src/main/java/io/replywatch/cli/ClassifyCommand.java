package io.replywatch.cli;

import io.replywatch.classify.Classification;
import io.replywatch.classify.Classifier;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code classify}: one text per stdin line, one result per stdout line, in the same order. */
public final class ClassifyCommand implements Command {

  @Override
  public String name() {
    return "classify";
  }

  @Override
  public String summary() {
    return "classify one text per stdin line";
  }

  @Override
  public String usage() {
    return """
        usage: replywatch classify [--json] [--model FILE] < texts.txt

        Reads one text per line (UTF-8) and prints one result per line, in order:
          category<TAB>polarity<TAB>confidence<TAB>language<TAB>question
        e.g. complaint	-0.612	0.914	en	false
        --json prints one object per line: {"category":..,"polarity":..,"confidence":..,"language":..,"question":..}
        --model uses a model written by 'replywatch train' instead of the shipped one.
        Texts longer than 5,000 characters are cut there; empty lines give neutral with confidence 0; bytes that
        are not UTF-8 are read as U+FFFD (the replacement character) and the rest of the line is classified.""";
  }

  @Override
  public int run(List<String> raw, Console io) throws Exception {
    Args args = Args.parse(raw, Set.of("--model"), Set.of("--json"));
    boolean json = args.has("--json");
    Classifier classifier = ModelOption.classifier(args);
    Lines in = new Lines(new InputStreamReader(io.in(), StandardCharsets.UTF_8));
    PrintStream out = io.out();
    long results = 0;
    for (String line = in.next(); line != null; line = in.next()) {
      Classification c = classifier.classify(line, "");
      out.println(json ? json(c) : plain(c));
      // PrintStream swallows write errors: without asking, 'classify | head' would read stdin to its end.
      if (out.checkError()) {
        io.err().println("replywatch classify: stdout was closed or failed after " + results + " results; stopped");
        return 1;
      }
      results++;
    }
    out.flush();
    return 0;
  }

  static String plain(Classification c) {
    return String.format(Locale.ROOT, "%s\t%.3f\t%.3f\t%s\t%b", c.category().id(), c.polarity(), c.confidence(),
        c.language(), c.question());
  }

  static String json(Classification c) {
    return String.format(Locale.ROOT,
        "{\"category\":\"%s\",\"polarity\":%.3f,\"confidence\":%.3f,\"language\":\"%s\",\"question\":%b}",
        c.category().id(), finite(c.polarity()), finite(c.confidence()), c.language(), c.question());
  }

  /** JSON has no NaN or Infinity: a broken model's score is printed as 0 rather than as a line no parser reads. */
  private static double finite(double x) {
    return Double.isFinite(x) ? x : 0;
  }
}
