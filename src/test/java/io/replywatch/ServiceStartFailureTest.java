package io.replywatch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.classify.model.Classifiers;
import io.replywatch.cli.Service;
import io.replywatch.config.ConfigLoader;
import io.replywatch.config.ReplywatchConfig;
import io.replywatch.time.ServiceClock;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service that cannot start must say so and let go, not hang the command that started it. */
class ServiceStartFailureTest {
  @TempDir
  Path dir;

  @Test
  void shouldFailWithTheCauseWhenThePortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      ReplywatchConfig config = new ConfigLoader(Map.<String, String>of()::get).parse("""
          server: { host: 127.0.0.1, port: %d }
          storage: { path: "%s" }
          brands:
            - id: acme
              accounts:
                - { platform: mastodon, id: "42", handle: acme, token: "t" }
          platforms:
            mastodon: { baseUrl: "http://127.0.0.1:9", pollInterval: 30s }
          alerts:
            support:
              - { type: slack, url: "http://127.0.0.1:9/hook" }
          """.formatted(taken.getLocalPort(), dir.resolve("test.db")), "test.yaml");

      var started = Service.start(new Service.Options(config, ServiceClock.system(), Classifiers.byDefault(), null,
          line -> { }, line -> { })).toCompletionStage().toCompletableFuture();

      // A bound, not a wait: before the fix this never completed at all.
      ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
          () -> started.get(30, TimeUnit.SECONDS));
      boolean bind = false;
      for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
        bind |= t instanceof BindException;
      }
      assertTrue(bind, "expected the bind failure as the cause, got " + e.getCause());
    }
  }
}
