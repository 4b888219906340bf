package io.replywatch.cli;

import io.replywatch.config.ConfigLoader;
import io.replywatch.config.ReplywatchConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code check-config}: loads and validates a config file as {@code run} would, and says what it found. */
public final class CheckConfigCommand implements Command {
  static final String DEFAULT_CONFIG = "config/replywatch.yaml";

  @Override
  public String name() {
    return "check-config";
  }

  @Override
  public String summary() {
    return "validate a config file (and the environment it refers to) without starting anything";
  }

  @Override
  public String usage() {
    return """
        usage: replywatch check-config [--config FILE]

        Loads the config exactly as 'run' would, substituting ${VAR} and ${VAR:-default} from the environment,
        and validates every key. Prints a one-line summary and exits 0 when the file is usable; otherwise prints
        one line naming the file and the key path (brands[0].accounts[1].platform: unknown platform 'myspace')
        and exits 2. Secret values are never printed.

          --config FILE   the config file (default: config/replywatch.yaml)""";
  }

  @Override
  public int run(List<String> raw, Console io) {
    Args args = Args.parse(raw, Set.of("--config"), Set.of());
    String file = args.get("--config", DEFAULT_CONFIG);
    ReplywatchConfig config = ConfigLoader.fromSystemEnv().load(Path.of(file));
    io.out().println(file + ": ok: " + describe(config));
    return 0;
  }

  static String describe(ReplywatchConfig c) {
    int accounts = c.brands().stream().mapToInt(b -> b.accounts().size()).sum();
    String platforms = c.brands().stream().flatMap(b -> b.accounts().stream())
        .map(a -> a.platform().id()).distinct().sorted().collect(Collectors.joining(", "));
    return c.brands().size() + " brand(s), " + accounts + " account(s) on " + platforms + ", "
        + c.policies().size() + " SLA polic" + (c.policies().size() == 1 ? "y" : "ies")
        + " (" + c.policies().stream().filter(p -> p.calendar().isPresent()).count() + " with business hours), "
        + c.alerts().support().size() + " support (" + c.alerts().support().stream()
            .filter(ch -> ch.quietHours().isPresent()).count() + " with quiet hours) and "
        + c.alerts().paging().size() + " paging channel(s), "
        + c.classifierRules().keywords().size() + " classifier keyword(s) and "
        + c.classifierRules().authors().size() + " VIP author(s), "
        + "HTTP on " + c.server().host() + ":" + c.server().port();
  }
}
