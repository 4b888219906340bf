package io.replywatch.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The customer posts behind the benchmark's in-memory page streams (one per platform, next to its simulator): one
 * post a second from {@code start}, snowflake-like ids, a few hundred authors, and text that mixes English, Korean,
 * an emoji, a line break and the characters each wire format has to escape ({@code & < > "}). One source, so that
 * the platforms' figures are measured on the same posts and differ only by wire format and parser.
 */
public final class PostStream {

  private PostStream() {}

  /**
   * {@code count} posts, oldest first, none by the brand.
   *
   * @param handleSuffix appended to each author's {@code user<k>} handle, for the platform's handle form
   */
  public static List<SimPost> posts(int count, Instant start, String handleSuffix) {
    List<SimPost> out = new ArrayList<>(count);
    long id = start.toEpochMilli() << 12;
    for (int n = 0; n < count; n++) {
      out.add(new SimPost(Long.toString(id + n), start.plus(Duration.ofSeconds(n)), "9" + (n % 997),
          "user" + (n % 997) + handleSuffix, TEXTS[n % TEXTS.length] + " #" + n, false, Optional.empty(),
          n % TEXTS.length == 3 ? "ko" : "en")); // TEXTS[3] is the Korean one
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
