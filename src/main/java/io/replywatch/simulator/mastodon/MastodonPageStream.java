package io.replywatch.simulator.mastodon;

import io.replywatch.simulator.SimPost;
import io.vertx.core.json.JsonArray;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Notification pages exactly as the simulator serves them, built in memory: the benchmark's input, so that it
 * measures parsing and ingest on the real wire format without a network in the way.
 */
public final class MastodonPageStream {

  private MastodonPageStream() {}

  /** {@code pages} bodies of {@code perPage} mention notifications each, newest first, with varied text. */
  public static List<String> notificationPages(int pages, int perPage, Instant start) {
    List<String> out = new ArrayList<>(pages);
    long id = start.toEpochMilli() << 12;
    for (int page = 0; page < pages; page++) {
      JsonArray body = new JsonArray();
      for (int i = perPage - 1; i >= 0; i--) {
        int n = page * perPage + i;
        Instant at = start.plus(Duration.ofSeconds(n));
        SimPost p = new SimPost(Long.toString(id + n), at, "9" + (n % 997), "user" + (n % 997) + "@example.social",
            TEXTS[n % TEXTS.length] + " #" + n, false, java.util.Optional.empty(), n % 5 == 0 ? "ko" : "en");
        body.add(MastodonJson.notification(p, "42"));
      }
      out.add(body.encode());
    }
    return out;
  }

  private static final String[] TEXTS = {
    "my order never arrived & nobody answers <3 weeks>",
    "do you ship to Canada? \"asking\" for a friend",
    "love the new app, checkout is so fast now \uD83C\uDF89 thanks!",
    "주문한 지 2주가 지났는데 아직도 배송이 안 왔어요",
    "I was charged twice for order #5521,\nI need a refund",
  };
}
