package io.replywatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.cli.Service;
import io.replywatch.config.ConfigLoader;
import io.replywatch.config.ReplywatchConfig;
import io.replywatch.simulator.Fault;
import io.replywatch.simulator.Timeline;
import io.replywatch.simulator.bluesky.BlueskySimulator;
import io.replywatch.simulator.mastodon.MastodonSimulator;
import io.replywatch.time.ManualClock;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /health/ready} of the real service says which source is blind and why when a platform rejects the
 * brand's credentials: a revoked Mastodon token (401) and a revoked Bluesky app password (createSession 401).
 */
class SourcesReadyTest {
  private static final String MASTODON_TOKEN = "mastodon-secret-token";
  private static final String BLUESKY_PASSWORD = "abcd-efgh-ijkl-mnop";
  private final ManualClock clock = new ManualClock(IngestScript.T0);
  private final Vertx fakes = Vertx.vertx();
  private Service service;
  @org.junit.jupiter.api.io.TempDir
  java.nio.file.Path dir;

  @AfterEach
  void tearDown() throws Exception {
    if (service != null) {
      IngestContract.await(service.stop());
    }
    IngestContract.await(fakes.close());
  }

  @Test
  void shouldNameEachBlindSourceAndWhy() throws Exception {
    MastodonSimulator mastodon = new MastodonSimulator(new Timeline(), clock, "42", MASTODON_TOKEN);
    mastodon.inject(Fault.of(Fault.Kind.UNAUTHORIZED));
    BlueskySimulator bluesky = new BlueskySimulator(new Timeline(), clock, "did:plc:acme", "acme.bsky.social",
        BLUESKY_PASSWORD);
    bluesky.revoke();
    IngestContract.await(fakes.deployVerticle(mastodon).compose(id -> fakes.deployVerticle(bluesky)));
    String yaml = """
        server: { host: 127.0.0.1, port: 0 }
        storage: { path: "%s" }
        brands:
          - id: acme
            accounts:
              - { platform: mastodon, id: "42", handle: acme, token: "${M}" }
              - { platform: bluesky, id: "did:plc:acme", handle: acme.bsky.social, token: "${B}" }
        platforms:
          mastodon: { baseUrl: "%s", pollInterval: 30s }
          bluesky: { baseUrl: "%s", pollInterval: 30s }
        """.formatted(dir.resolve("ready.db"), mastodon.baseUrl(), bluesky.baseUrl());
    ReplywatchConfig config = new ConfigLoader(Map.of("M", MASTODON_TOKEN, "B", BLUESKY_PASSWORD)::get)
        .parse(yaml, "test.yaml");
    service = IngestContract.await(Service.start(new Service.Options(config, clock, io.replywatch.classify.model.Classifiers.byDefault(),
        new InMemoryCursorStore(), line -> {}, line -> {})));
    IngestContract.awaitTrue(() -> service.health().snapshot().values().stream()
        .filter(s -> s.state() == SourceHealth.State.BLIND).count() == 2, "both sources blind");

    WebClient client = WebClient.create(fakes);
    HttpResponse<?> resp = IngestContract.await(client.get(service.port(), "127.0.0.1", "/health/ready").send());
    client.close();
    assertEquals(503, resp.statusCode());
    String body = resp.bodyAsString();
    JsonObject sources = new JsonObject(body).getJsonObject("sources");
    assertEquals("blind", sources.getJsonObject("mastodon/acme").getString("state"));
    assertTrue(sources.getJsonObject("mastodon/acme").getString("detail").contains("401"), body);
    assertEquals("blind", sources.getJsonObject("bluesky/acme.bsky.social").getString("state"));
    assertTrue(sources.getJsonObject("bluesky/acme.bsky.social").getString("detail").contains("AuthenticationRequired"));
    assertFalse(body.contains(MASTODON_TOKEN) || body.contains(BLUESKY_PASSWORD), "no secret in /health/ready");
  }
}
