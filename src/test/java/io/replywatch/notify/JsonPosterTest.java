package io.replywatch.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.notify.FakeReceiver.Answer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(VertxExtension.class)
class JsonPosterTest {

  /** A 429, or any answer naming a time to come back, holds the whole channel; a bare 5xx only its message. */
  @ParameterizedTest(name = "{0} Retry-After [{1}] pauses the channel: {2}")
  @CsvSource({"429, 7, true", "429, , true", "503, 7, true", "503, , false", "500, , false"})
  void shouldSayWhetherTheWholeChannelMustWait(int status, String retryAfter, boolean pauses, Vertx vertx,
      VertxTestContext ctx) {
    FakeReceiver.start(vertx).onComplete(ctx.succeeding(fake -> {
      fake.answer(retryAfter == null ? Answer.status(status)
          : Answer.status(status, Map.of("Retry-After", retryAfter)));
      JsonPoster poster = new JsonPoster(vertx, "webhook", Duration.ofSeconds(5), Clock.systemUTC(), List.of());
      poster.post(fake.url("/hook"), Buffer.buffer("{}")).onComplete(ctx.failing(e -> ctx.verify(() -> {
        DeliveryException d = (DeliveryException) e;
        assertTrue(d.recoverable());
        assertEquals(pauses, d.pausesChannel(), d.getMessage());
        ctx.completeNow();
      })));
    }));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "hooks.example.com/SECRETTOKEN", "ftp://hooks.example.com/SECRETTOKEN",
      "javascript:SECRETTOKEN", "http://[bad/SECRETTOKEN", "https:///SECRETTOKEN"})
  void shouldRejectBadUrlWithoutQuotingIt(String url) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JsonPoster.requireHttpUrl("webhook", "webhook URL", url));
    assertTrue(e.getMessage().startsWith("webhook: webhook URL "), e.getMessage());
    assertFalse(e.getMessage().contains("SECRETTOKEN"), e.getMessage());
  }

  @Test
  void shouldAcceptHttpAndHttpsUrls() {
    assertEquals("https://x.example/a?b=c", JsonPoster.requireHttpUrl("teams", "u", "https://x.example/a?b=c"));
    assertEquals("http://127.0.0.1:9093", JsonPoster.requireHttpUrl("alertmanager", "u", "http://127.0.0.1:9093"));
  }

  @Test
  void shouldListEveryPartOfSecretUrl() {
    List<String> parts = JsonPoster.urlSecrets(
        "https://user:pw@prod.example.com/workflows/0123456789abcdef0123/invoke?api-version=1&sig=AbC%2BdEf123");
    for (String part : List.of("user:pw", "/workflows/0123456789abcdef0123/invoke", "0123456789abcdef0123",
        "AbC%2BdEf123", "AbC+dEf123", "api-version=1&sig=AbC%2BdEf123")) {
      assertTrue(parts.contains(part), part + " in " + parts);
    }
    assertFalse(parts.contains("1"), "short values are not secrets and would redact everything");
  }
}
