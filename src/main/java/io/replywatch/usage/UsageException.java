package io.replywatch.usage;

/** Bad usage, bad config or a bad input file: Main prints the message on one line and exits 2. */
public class UsageException extends RuntimeException {

  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
