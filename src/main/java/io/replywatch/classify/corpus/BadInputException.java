package io.replywatch.classify.corpus;

/** A data file that cannot be used; the message names the file and, where there is one, the line. */
public final class BadInputException extends RuntimeException {

  public BadInputException(String message) {
    super(message);
  }
}
