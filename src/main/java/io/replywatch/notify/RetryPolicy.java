package io.replywatch.notify;

/** Whether an HTTP status from a receiver means delivered, retry later, or give up (Alertmanager's rule). */
public final class RetryPolicy {

  /** What to do after a response. */
  public enum Outcome { DELIVERED, RETRY, PERMANENT }

  private RetryPolicy() {}

  public static Outcome check(int status) {
    if (status >= 200 && status < 300) {
      return Outcome.DELIVERED;
    }
    if (status == 429 || status >= 500 || status == 408) {
      return Outcome.RETRY;
    }
    return Outcome.PERMANENT;
  }
}
