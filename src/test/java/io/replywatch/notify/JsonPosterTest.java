package io.replywatch.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPosterTest {

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
