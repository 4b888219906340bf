package io.replywatch.notify.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.replywatch.classify.Category;
import io.replywatch.config.Platform;
import io.replywatch.notify.FakeReceiver;
import io.replywatch.sla.Level;
import io.replywatch.sla.SlaEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Runs the shipped config/alertmanager/alertmanager.yml in a real Alertmanager (receivers swapped for a local
 * webhook fake) and posts Replywatch's alerts to it through {@link AlertmanagerNotifier}: breaches of one brand and
 * platform arrive grouped at on-call, the support warning of a paged mention is inhibited, and a resolve arrives.
 * Skipped when Alertmanager is not installed, except under CI=true, where that is a failure.
 */
@ExtendWith(VertxExtension.class)
class AlertmanagerIntegrationTest {

  private static final Path SHIPPED = Path.of("config", "alertmanager", "alertmanager.yml");
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  @TempDir
  Path dir;

  private RealAlertmanager alertmanager;

  @AfterEach
  void stop() throws InterruptedException {
    if (alertmanager != null) {
      alertmanager.close();
    }
  }

  static Path requireBinary() {
    return requireOrSkip(RealAlertmanager.binary(), System.getenv("CI"));
  }

  /** Missing Alertmanager: a failure under CI=true, where the test must run; a skip on a developer's machine. */
  static Path requireOrSkip(Optional<Path> binary, String ci) {
    if (binary.isEmpty()) {
      String message = "Alertmanager is not installed (apt-get install -y prometheus-alertmanager, or set "
          + "ALERTMANAGER_BIN)";
      if ("true".equals(ci)) {
        fail(message + "; under CI=true this test must run");
      }
      Assumptions.abort(message + ": skipping the real-Alertmanager test");
    }
    return binary.get();
  }

  @Test
  void shouldFailUnderCiAndSkipElsewhereWhenBinaryMissing() {
    assertThrows(AssertionFailedError.class, () -> requireOrSkip(Optional.empty(), "true"));
    assertThrows(TestAbortedException.class, () -> requireOrSkip(Optional.empty(), null));
    assertThrows(TestAbortedException.class, () -> requireOrSkip(Optional.empty(), "false"));
    assertEquals(Path.of("/x"), requireOrSkip(Optional.of(Path.of("/x")), "true"));
  }

  @Test
  @Timeout(30)
  void shouldShipConfigThatAmtoolAccepts() throws Exception {
    Path binary = requireBinary();
    Path amtool = binary.resolveSibling("amtool");
    Assumptions.assumeTrue(Files.isExecutable(amtool), "amtool is not next to " + binary);
    Process check = new ProcessBuilder(amtool.toString(), "check-config", SHIPPED.toString())
        .redirectErrorStream(true).start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(check.waitFor(20, TimeUnit.SECONDS), "amtool did not finish");
    assertEquals(0, check.exitValue(), output);
    assertTrue(output.contains("1 inhibit rules"), output);
  }

  @Test
  @Timeout(90)
  void shouldGroupBreachesAndInhibitWarningOfPagedMention(Vertx vertx) throws Exception {
    Path binary = requireBinary();
    FakeReceiver fake = FakeReceiver.start(vertx).await();
    alertmanager = RealAlertmanager.start(binary,
        RealAlertmanager.testConfig(SHIPPED, fake.url("")), dir);
    WebClient client = WebClient.create(vertx);
    eventually(vertx, "Alertmanager ready", () -> client.get(alertmanager.port(), "127.0.0.1", "/-/ready")
        .send().map(r -> r.statusCode() == 200).otherwise(false));

    AlertmanagerNotifier notifier = new AlertmanagerNotifier(vertx, alertmanager.baseUrl(),
        new AlertmanagerPayloads(Optional.empty(), Optional.empty(), Duration.ofMinutes(5)),
        Duration.ofSeconds(5), Clock.systemUTC());
    // Virtual history: three complaints opened an hour ago. Alertmanager flushes an alert at once when it
    // started longer ago than group_wait (the support warnings here), and waits group_wait for fresh ones.
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant opened = now.minus(Duration.ofMinutes(60));
    Instant warnAt = opened.plus(Duration.ofMinutes(30));

    // 1. The breaches of m1 and m3 page on-call, grouped by brand and platform into one notification.
    notifier.send(event(Level.BREACH, "m1", opened, now))
        .compose(v -> notifier.send(event(Level.BREACH, "m3", opened, now)))
        .await();
    JsonObject page = eventually(vertx, "on-call notification with both breaches",
        () -> Future.succeededFuture(find(fake, "/oncall-pagerduty", "firing", Set.of("m1", "m3"))));
    assertEquals("oncall-pagerduty", page.getString("receiver"));
    assertEquals(new JsonObject().put("alertname", "SocialComplaintUnanswered").put("brand", "acme")
        .put("platform", "bluesky"), page.getJsonObject("groupLabels"));
    assertEquals("page", page.getJsonObject("commonLabels").getString("severity"));
    assertEquals("oncall", page.getJsonObject("commonLabels").getString("stage"));

    // 2. Support warnings for m1 (paged: inhibited) and m2 (not paged: delivered), as the re-sender posts them.
    notifier.post(List.of(event(Level.WARNING, "m1", opened, warnAt), event(Level.WARNING, "m2", opened, warnAt)))
        .await();
    JsonObject support = eventually(vertx, "support notification with the un-paged warning only",
        () -> Future.succeededFuture(find(fake, "/support-slack", "firing", Set.of("m2"))));
    assertEquals("support-slack", support.getString("receiver"));
    assertEquals("warning", support.getJsonObject("commonLabels").getString("severity"));

    JsonArray m1 = client.get(alertmanager.port(), "127.0.0.1", "/api/v2/alerts")
        .addQueryParam("filter", "mention_id=\"m1\"").send().await().bodyAsJsonArray();
    JsonObject warning = m1.stream().map(JsonObject.class::cast)
        .filter(a -> "support".equals(a.getJsonObject("labels").getString("stage"))).findFirst().orElseThrow();
    assertEquals("suppressed", warning.getJsonObject("status").getString("state"));
    assertFalse(warning.getJsonObject("status").getJsonArray("inhibitedBy").isEmpty());

    notifier.send(event(Level.RESOLVED, "m1", opened, now)).await();
    eventually(vertx, "on-call notified that m1 was answered", () -> Future.succeededFuture(
        fake.received().stream().filter(r -> r.uri().equals("/oncall-pagerduty"))
            .flatMap(r -> r.json().getJsonArray("alerts").stream().map(JsonObject.class::cast))
            .anyMatch(a -> "resolved".equals(a.getString("status"))
                && "m1".equals(a.getJsonObject("labels").getString("mention_id"))) ? new JsonObject() : null));

    boolean warningLeaked = fake.received().stream().filter(r -> r.uri().equals("/support-slack"))
        .flatMap(r -> r.json().getJsonArray("alerts").stream().map(JsonObject.class::cast))
        .anyMatch(a -> "m1".equals(a.getJsonObject("labels").getString("mention_id"))
            && "firing".equals(a.getString("status")));
    assertFalse(warningLeaked, () -> "the inhibited warning reached support: " + fake.received().stream()
        .map(r -> r.uri() + " " + r.body()).collect(Collectors.joining("\n")));
    assertTrue(alertmanager.alive(), alertmanager.log());
    notifier.close();
    client.close();
  }

  /** The first notification to {@code path} with that status whose alerts are exactly {@code mentions}; or null. */
  private static JsonObject find(FakeReceiver fake, String path, String status, Set<String> mentions) {
    return fake.received().stream()
        .filter(r -> r.uri().equals(path))
        .map(FakeReceiver.Recorded::json)
        .filter(n -> status.equals(n.getString("status")))
        .filter(n -> mentions.equals(n.getJsonArray("alerts").stream().map(JsonObject.class::cast)
            .map(a -> a.getJsonObject("labels").getString("mention_id")).collect(Collectors.toSet())))
        .findFirst().orElse(null);
  }

  private static SlaEvent event(Level level, String mention, Instant opened, Instant at) {
    return new SlaEvent(level, "bluesky-" + mention, mention, "acme", Platform.BLUESKY, Category.COMPLAINT, 0.9,
        "jane.bsky.social", "where is my order?", "https://bsky.app/profile/jane.bsky.social/post/" + mention,
        opened, at, Duration.between(opened, at), Optional.of(Duration.ofMinutes(30)),
        Optional.of(Duration.ofMinutes(60)));
  }

  /**
   * Polls {@code check} every 100 ms on a Vert.x timer until it yields a non-null, non-false value, failing after
   * {@link #DEADLINE} with the Alertmanager log. Blocks the JUnit thread, never an event loop.
   */
  @SuppressWarnings("unchecked")
  private <T> T eventually(Vertx vertx, String what, Supplier<Future<T>> check) {
    Promise<T> done = Promise.promise();
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    vertx.setPeriodic(0, 100, id -> safely(check).onComplete(ar -> {
      T value = ar.succeeded() ? ar.result() : null;
      if (value != null && !Boolean.FALSE.equals(value)) {
        vertx.cancelTimer(id);
        done.tryComplete(value);
      } else if (System.nanoTime() > deadline) {
        vertx.cancelTimer(id);
        done.tryFail("timed out waiting for " + what);
      }
    }));
    try {
      return done.future().await();
    } catch (Exception e) {
      throw new AssertionError(e.getMessage() + "\nAlertmanager log:\n"
          + alertmanager.log(), e);
    }
  }

  private static <T> Future<T> safely(Supplier<Future<T>> check) {
    try {
      return check.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
