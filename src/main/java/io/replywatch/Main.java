package io.replywatch;

import io.replywatch.cli.Command;
import io.replywatch.cli.BenchCommand;
import io.replywatch.cli.CheckConfigCommand;
import io.replywatch.cli.ClassifyCommand;
import io.replywatch.cli.Console;
import io.replywatch.cli.DemoCommand;
import io.replywatch.cli.EvalCommand;
import io.replywatch.cli.ReplayCommand;
import io.replywatch.cli.RunCommand;
import io.replywatch.cli.TrainCommand;
import io.replywatch.usage.UsageException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Entry point: picks the subcommand, maps its outcome to the exit codes of product.md §3. */
public final class Main {

  private Main() {}

  /** Every subcommand, in the order the help lists them. */
  static List<Command> commands() {
    return List.of(
        new RunCommand(),
        new DemoCommand(),
        new ReplayCommand(),
        new ClassifyCommand(),
        new EvalCommand(),
        new TrainCommand(),
        new CheckConfigCommand(),
        new BenchCommand());
  }

  public static void main(String[] argv) {
    System.exit(execute(argv, Console.system()));
  }

  /** Runs one command line and returns the exit code; never calls System.exit, so tests can use it. */
  public static int execute(String[] argv, Console io) {
    return execute(argv, io, commands());
  }

  static int execute(String[] argv, Console io, List<Command> commands) {
    List<String> rest = Arrays.asList(argv).subList(Math.min(1, argv.length), argv.length);
    if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("-h") || argv[0].equals("help")) {
      io.out().print(topLevelHelp());
      return argv.length == 0 ? 2 : 0;
    }
    Optional<Command> found = commands.stream().filter(c -> c.name().equals(argv[0])).findFirst();
    if (found.isEmpty()) {
      io.err().println("replywatch: unknown command '" + argv[0] + "' (see replywatch --help)");
      return 2;
    }
    Command command = found.get();
    if (rest.contains("--help") || rest.contains("-h")) {
      io.out().println(command.usage());
      return 0;
    }
    try {
      return command.run(rest, io);
    } catch (UsageException e) {
      io.err().println("replywatch " + command.name() + ": " + e.getMessage());
      return 2;
    } catch (Exception e) {
      io.err().println("replywatch " + command.name() + ": unexpected failure: " + e);
      e.printStackTrace(io.err());
      return 1;
    } catch (OutOfMemoryError e) {
      // Replay holds a whole history in memory: the remedy is a bigger heap, which a stack trace does not say.
      String what = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
      io.err().println("replywatch " + command.name() + ": out of memory" + what + "; give Java more heap, e.g. "
          + "java -Xmx4g -jar target/replywatch.jar " + command.name() + " ...");
      return 1;
    }
  }

  static String topLevelHelp() {
    StringBuilder sb = new StringBuilder();
    sb.append("Replywatch: social-media response-time monitor\n\n");
    sb.append("usage: java -jar target/replywatch.jar <command> [options]\n\ncommands:\n");
    for (Command c : commands()) {
      sb.append(String.format("  %-13s %s%n", c.name(), c.summary()));
    }
    sb.append("\n'<command> --help' describes each command's options.\n");
    return sb.toString();
  }

}
