package io.replywatch.store;

/** A store operation failed: a disk full, a locked or corrupt file. Unchecked; the caller decides what to retry. */
public class StoreException extends RuntimeException {

  public StoreException(String message, Throwable cause) {
    super(message + ": " + cause.getMessage(), cause);
  }
}
