package io.replywatch.ingest;

import io.replywatch.simulator.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A busy support day for the poller tests: {@code count} customer posts one minute apart from {@code start}, every
 * tenth found only by keyword search, every seventh both @-mentioning and naming the brand (found twice, one
 * mention), and a brand reply two minutes after every fourth. Ids are the timeline's.
 */
public final class BusyTimeline {
  public final Timeline timeline = new Timeline();
  public final List<String> customerPosts = new ArrayList<>();
  public final Set<String> searchOnly = new HashSet<>();
  public final Map<String, String> replyToParent = new HashMap<>();

  public BusyTimeline(Instant start, int count, String brandId, String brandHandle) {
    for (int i = 0; i < count; i++) {
      Instant at = start.plus(Duration.ofMinutes(i));
      boolean search = i % 10 == 3;
      String text = search ? "the acme app is slow again #" + i
          : i % 7 == 0 ? "acme order #" + i + " is late & <broken>" : "order #" + i + " is late & <broken>";
      String id = timeline.add(at, "7" + (i % 40), "cust" + (i % 40), text, false, null, "en");
      customerPosts.add(id);
      if (search) {
        searchOnly.add(id);
      }
      if (i % 4 == 0) {
        String reply = timeline.add(at.plus(Duration.ofMinutes(2)).plusMillis(500), brandId, brandHandle,
            "sorry about #" + i + ", fixing it", true, id, "en");
        replyToParent.put(reply, id);
      }
    }
  }

  /** The id of the brand's reply to the {@code i}-th customer post (every fourth has one). */
  public String replyTo(int i) {
    return replyToParent.entrySet().stream().filter(e -> e.getValue().equals(customerPosts.get(i))).findFirst()
        .orElseThrow().getKey();
  }
}
