package io.replywatch.cli;

import io.replywatch.Service;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Keeps the main thread alive until Ctrl-C or SIGTERM, then closes Vert.x cleanly. */
final class Lifecycle {

  private Lifecycle() {}

  /** A port already in use is a usage problem with a clear fix, not an unexpected failure. */
  static Exception explainStartFailure(Exception e, String host, int port, String setting) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException) {
        return new UsageException("cannot listen on " + host + ":" + port + ": address already in use (change "
            + setting + ", or use 0 for a free port)");
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
