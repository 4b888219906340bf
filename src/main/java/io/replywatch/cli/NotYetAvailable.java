package io.replywatch.cli;

/** A command of the specification whose issue has not landed yet: says so and exits 2 rather than pretending. */
public record NotYetAvailable(String name, String summary, String issue) implements Command {

  @Override
  public String usage() {
    return "replywatch " + name + ": " + summary + "\n\nNot yet available in this build (" + issue + ").";
  }

  @Override
  public int run(java.util.List<String> args, Console io) {
    io.err().println("replywatch " + name + ": not yet available in this build (" + issue + ")");
    return 2;
  }
}
