package io.replywatch.cli;

import io.replywatch.usage.UsageException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Keeps the main thread alive until Ctrl-C or SIGTERM, then closes Vert.x cleanly. */
final class Lifecycle {

  private Lifecycle() {}

  /**
   * A port already in use, a host that is not this machine's or a host name that does not resolve is a usage problem
   * with a clear fix, not an unexpected failure with a stack trace.
   */
  static Exception explainStartFailure(Exception e, String host, int port, String setting) {
    String where = "cannot listen on " + host + ":" + port + ": ";
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException) {
        String why = String.valueOf(t.getMessage());
        if (why.contains("already in use")) {
          return new UsageException(where + "address already in use (change " + setting + ", or use 0 for a free port)");
        }
        // EADDRNOTAVAIL: the host is not one of this machine's addresses, so another port would not help.
        if (why.contains("Cannot assign requested address")) {
          return new UsageException(where + host + " is not an address of this machine (check server.host)");
        }
        return new UsageException(where + why.replaceFirst("^bind\\(\\.\\.\\) failed: ", ""));
      }
      if (t instanceof java.net.UnknownHostException) {
        return new UsageException(where + "the host name " + host + " does not resolve (check server.host)");
      }
    }
    return e;
  }

  static int runUntilStopped(Service service) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        service.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // Shutting down anyway.
      } finally {
        stopped.countDown();
      }
    }, "replywatch-shutdown"));
    stopped.await();
    return 0;
  }
}
