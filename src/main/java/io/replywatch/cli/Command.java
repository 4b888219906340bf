package io.replywatch.cli;

/**
 * One subcommand of {@code replywatch}. Returns the process exit code: 0 ok; 2 bad usage, bad config or bad input
 * (after printing one clear message naming the file, line or key path to {@code io.err()}); 1 unexpected failure.
 */
public interface Command {

  /** The word on the command line ("run", "demo", ...). */
  String name();

  /** One line for the top-level help. */
  String summary();

  /** The full {@code --help} text. */
  String usage();

  /** @param args the words after the command name; parse them with {@link Args#parse}. */
  int run(java.util.List<String> args, Console io) throws Exception;
}
