package io.replywatch;

import static io.replywatch.ingest.IngestContract.await;
import static io.replywatch.ingest.IngestContract.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.cli.Service;
import io.replywatch.config.ConfigLoader;
import io.replywatch.config.ReplywatchConfig;
import io.replywatch.ingest.InMemoryCursorStore;
import io.replywatch.simulator.Timeline;
import io.replywatch.simulator.mastodon.MastodonSimulator;
import io.replywatch.time.ManualClock;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A complaint deleted on Mastodon after it alerted, through the whole service: the poller's deleted-post check reads
 * the open episode from the store, two looks ten minutes apart find the status gone, the SLA stage closes the
 * episode and the support channel that got the warning gets the resolved follow-up; the other complaint stays open.
 */
class DeletedPostServiceTest {
  private static final Instant T0 = Instant.parse("2026-09-01T10:00:00Z");
  private final ManualClock clock = new ManualClock(T0);
  private final List<String> activity = new CopyOnWriteArrayList<>();
  private final List<String> console = new CopyOnWriteArrayList<>();
  private final Vertx fakes = Vertx.vertx();
  private Service service;
  @org.junit.jupiter.api.io.TempDir
  java.nio.file.Path dir;

  @AfterEach
  void tearDown() throws Exception {
    if (service != null) {
      await(service.stop());
    }
    await(fakes.close());
  }

  @Test
  void shouldCloseAnAlertedEpisodeWhoseStatusWasDeletedAndSendTheFollowUp() throws Exception {
    Timeline t = new Timeline();
    String deleted = t.add(T0.minusSeconds(60), "501", "jane", "@acme I was charged twice and need a refund now",
        false, null, "en");
    t.add(T0.minusSeconds(30), "502", "omar", "@acme my order never arrived, this is terrible", false, null, "en");
    MastodonSimulator mastodon = new MastodonSimulator(t, clock, "10923", "m-token");
    await(fakes.deployVerticle(mastodon));
    String yaml = """
        server: { host: 127.0.0.1, port: 0 }
        storage: { path: "%s" }
        brands:
          - id: acme
            accounts:
              - { platform: mastodon, id: "10923", handle: acme, token: "m-token" }
        platforms:
          mastodon: { baseUrl: "%s", pollInterval: 60s, deletedCheck: 10m }
        alerts:
          support:
            - { type: console }
        """.formatted(dir.resolve("d.db"), mastodon.baseUrl());
    ReplywatchConfig config = new ConfigLoader(Map.<String, String>of()::get).parse(yaml, "test.yaml");
    service = await(Service.start(new Service.Options(config, clock,
        io.replywatch.classify.model.Classifiers.byDefault(), new InMemoryCursorStore(), activity::add, console::add)));

    // Mastodon looks up one status a request: two lookups a check while both episodes are open.
    awaitTrue(() -> count("waiting ") == 2 && checks() == 2, "both complaints wait, first look done");
    clock.advance(Duration.ofMinutes(31));
    awaitTrue(() -> count("WARNING") == 2 && checks() == 4, "both warned, second look done");
    mastodon.delete(deleted);
    clock.advance(Duration.ofMinutes(10));
    awaitTrue(() -> checks() == 6, "first look at the deleted status");
    assertEquals(0, count("RESOLVED"), "one look is not enough: " + activity);
    clock.advance(Duration.ofMinutes(10));
    awaitTrue(() -> count("RESOLVED") == 1, "resolved after the second look");
    assertTrue(activity.stream().anyMatch(l -> l.contains("answered") && l.contains("mastodon-" + deleted)
        && l.contains("deleted on Mastodon")), activity.toString());
    assertTrue(activity.stream().anyMatch(l -> l.contains("RESOLVED") && l.contains("closed without a reply after")
        && l.contains("deleted on Mastodon")), "not called answered: " + activity);
    // Counted once the SLA stage's reply reaches the poller, just after the follow-up was logged.
    awaitTrue(() -> service.registry().get("replywatch.episodes.closed.deleted").tag("brand", "acme")
        .tag("platform", "mastodon").counter().count() == 1.0, "counted");
    assertEquals(0, count("BREACH"), activity.toString());
    clock.advance(Duration.ofMinutes(10));
    awaitTrue(() -> count("BREACH") == 1, "the other complaint still pages at 60 minutes");
    assertEquals(1, count("RESOLVED"));
  }

  private double checks() {
    var c = service.registry().find("replywatch.deleted.checks").tag("outcome", "ok").counter();
    return c == null ? 0 : c.count();
  }

  private long count(String what) {
    return activity.stream().filter(l -> l.contains(what)).count();
  }
}
