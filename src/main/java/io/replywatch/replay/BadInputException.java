package io.replywatch.replay;

import io.replywatch.usage.UsageException;

/**
 * A history file that cannot be replayed. The message names the file and the line, so exit code 2 comes with
 * one line that says where to look ({@code twcs.csv:17: created_at: expected ...}).
 */
public final class BadInputException extends UsageException {

  public BadInputException(String source, long line, String message) {
    super(source + ":" + line + ": " + message);
  }
}
