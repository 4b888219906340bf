package io.replywatch.cli;

import io.replywatch.classify.Classifier;
import io.replywatch.classify.model.Classifiers;
import io.replywatch.config.ConfigLoader;
import io.replywatch.config.ReplywatchConfig;
import io.replywatch.config.ReplywatchConfig.Brand;
import io.replywatch.replay.HistoryItem;
import io.replywatch.replay.JsonlReader;
import io.replywatch.replay.ReplayReport;
import io.replywatch.replay.Replayer;
import io.replywatch.replay.TwcsReader;
import io.replywatch.usage.UsageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code replay}: the offline backtest of product.md §1 for support leads. Runs a history file through the same
 * classifier and SLA engine as the service, with time taken from the data, and prints what the service would have
 * measured and alerted: so targets and calendars can be tried on last month before they page anyone.
 */
public final class ReplayCommand implements Command {

  @Override
  public String name() {
    return "replay";
  }

  @Override
  public String summary() {
    return "replay a history offline through the classifier and SLA engine";
  }

  @Override
  public String usage() {
    return """
        usage: replywatch replay --input FILE [--format twcs|jsonl] [--config FILE] [--json]

        Runs a history through the classifier and the SLA engine, offline, with time taken from the data, and
        prints per brand and platform (and a '*' total row): episodes, with_targets (episodes whose policy has a
        target), answered, response_seconds_p50 and _p90 (nearest-rank over answered episodes), within_warning and
        within_breach (answered within the targets, inclusive), the warnings and breaches that would have fired,
        and open_at_end (unanswered when the data ends; their deadlines count only up to the last timestamp).

          --input FILE     the history (required)
          --format NAME    twcs (Kaggle "Customer Support on Twitter" CSV) or jsonl (Replywatch's own export);
                           default: jsonl for *.jsonl, otherwise twcs
          --config FILE    take SLA policies, calendars, automated accounts and classifier rules from this config file
                           (default: complaint and question warn at 30m and breach at 60m, 24/7)
          --json           print {"<brand>": {...}, "*": {...}} instead of a table

        Progress goes to stderr. A file that cannot be read exits 2 with one line naming the file and line.""";
  }

  @Override
  public int run(List<String> raw, Console io) throws IOException {
    Args args = Args.parse(raw, Set.of("--input", "--format", "--config"), Set.of("--json"));
    Path input = Path.of(args.require("--input"));
    String format = args.get("--format", input.toString().endsWith(".jsonl") ? "jsonl" : "twcs");
    if (!format.equals("twcs") && !format.equals("jsonl")) {
      throw new UsageException("--format must be twcs or jsonl, got '" + format + "'");
    }
    List<ReplywatchConfig.Policy> policies = ConfigLoader.defaultPolicies();
    BiPredicate<String, String> automated = (brand, author) -> false;
    Classifier classifier = Classifiers.byDefault();
    if (args.has("--config")) {
      ReplywatchConfig config = ConfigLoader.withoutSecrets(System::getenv).load(Path.of(args.get("--config", "")));
      policies = config.policies();
      Map<String, Brand> brands = config.brands().stream().collect(Collectors.toMap(Brand::id, Function.identity()));
      automated = (brand, author) -> brands.containsKey(brand) && brands.get(brand).isAutomated(author);
      classifier = Classifiers.withRules(config.classifierRules());
    }
    Consumer<String> progress = msg -> io.err().println("replay: " + msg);
    long started = System.nanoTime();
    List<HistoryItem> items = read(input, format, progress);
    ReplayReport report = new Replayer(policies, classifier, automated).run(items, progress);
    String automatedPosts = report.automatedPosts() == 0 ? "" : " (not counting " + report.automatedPosts() + " post"
        + (report.automatedPosts() == 1 ? "" : "s") + " by automated accounts)";
    progress.accept(String.format("%d mentions and %d brand replies%s from %s in %.1f s", report.mentions(),
        report.replies(), automatedPosts, input, (System.nanoTime() - started) / 1e9));
    io.out().println(args.has("--json") ? report.json().encode() : report.table());
    return 0;
  }

  private static List<HistoryItem> read(Path input, String format, Consumer<String> progress) throws IOException {
    if (Files.isDirectory(input)) {
      throw new UsageException(input + ": is a directory");
    }
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(input), decoder), 1 << 16)) {
      skipByteOrderMark(in);
      return format.equals("twcs") ? TwcsReader.read(in, input.toString(), progress)
          : JsonlReader.read(in, input.toString(), progress);
    } catch (NoSuchFileException e) {
      throw new UsageException(input + ": no such file");
    } catch (CharacterCodingException e) {
      throw new UsageException(input + ": not UTF-8 text");
    } catch (java.nio.file.FileSystemException e) {
      throw new UsageException(input + ": cannot read: " + e.getReason());
    }
  }

  /** Spreadsheet programs on Windows start UTF-8 files with U+FEFF; it is not part of the first header or line. */
  private static void skipByteOrderMark(BufferedReader in) throws IOException {
    in.mark(1);
    if (in.read() != '\uFEFF') {
      in.reset();
    }
  }
}
