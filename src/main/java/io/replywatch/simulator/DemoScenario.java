package io.replywatch.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The demo's script: a support shift that repeats every two hours of service time, with a complaint that goes
 * unanswered past both targets, one answered after the warning, questions answered in time, praise and neutral
 * chatter, a follow-up, Korean mentions, and one overdue complaint already waiting when the demo starts (it fires
 * at once, as a backfill after an outage would), a customer who writes again after an answer, and a complaint its
 * author deletes after the warning (closed by the deleted-post check before it pages).
 */
public final class DemoScenario {
  public static final String BRAND_ACCOUNT_ID = "42";
  public static final String BRAND_HANDLE = "acme";
  public static final String BLUESKY_DID = "did:plc:acmedemo2222333344445555";
  public static final String BLUESKY_HANDLE = "acme.bsky.social";
  static final Duration CYCLE = Duration.ofHours(2);

  private final Timeline timeline;
  private final Timeline keywordPosts;
  private final Instant start;
  private int cycles;

  private DemoScenario(Timeline timeline, Timeline keywordPosts, Instant start) {
    this.timeline = timeline;
    this.keywordPosts = keywordPosts;
    this.start = start;
  }

  /** Bluesky's share of the shift: its mentions and replies, and posts only a keyword search finds. */
  public record Bluesky(Timeline timeline, Timeline keywordPosts) {}

  /** Bluesky mentions each cycle: a question answered in time, a complaint answered late, praise, a keyword post. */
  public static Bluesky bluesky(Instant start) {
    Bluesky b = new Bluesky(new Timeline(), new Timeline());
    DemoScenario s = new DemoScenario(b.timeline(), b.keywordPosts(), start);
    Consumer<Instant> extend = now -> {
      while (!start.plus(CYCLE.multipliedBy(s.cycles)).isAfter(now.plus(CYCLE))) {
        s.blueskyCycle(start.plus(CYCLE.multipliedBy(s.cycles)), s.cycles == 0 ? "" : Integer.toString(s.cycles));
        s.cycles++;
      }
    };
    b.timeline().extendWith(extend);
    b.keywordPosts().extendWith(extend);
    return b;
  }

  private void blueskyCycle(Instant c, String n) {
    String q = customer(at(c, 3), "rosa" + n, "can I change the delivery address after ordering?", null, "en");
    brand(at(c, 15), "Hi Rosa! Yes: Orders > Change address, until it ships.", q);
    String bad = customer(at(c, 12), "theo" + n, "the app keeps crashing at checkout, lost my cart twice. annoying", null, "en");
    brand(at(c, 50), "Theo, sorry about that: a fix is rolling out today. Your cart is restored.", bad);
    customer(at(c, 25), "ana" + n, "great support from the team today, thanks!", null, "en");
    String kai = keywordPosts.add(at(c, 35), "8" + Math.abs(("kai" + n).hashCode()), "kai" + n + ".bsky.social",
        "is the acme store open on Sunday?", false, null, "en");
    brand(at(c, 72), "Hi Kai, yes: Sundays 11-18.", kai);
  }

  /** A timeline that grows one cycle ahead of the clock, for as long as the demo runs. */
  public static Timeline timeline(Instant start) {
    Timeline t = new Timeline();
    DemoScenario s = new DemoScenario(t, null, start);
    s.backlog();
    t.extendWith(s::extend);
    return t;
  }

  private void backlog() {
    String old = customer(start.minus(Duration.ofMinutes(65)), "dana", "my package has been stuck for a week, "
        + "still waiting and nobody answers. Unacceptable.", null, "en");
    brand(start.plus(Duration.ofMinutes(5)), "Dana, we're sorry: your package is on a van today. DM us the order number?", old);
  }

  private void extend(Instant now) {
    while (!start.plus(CYCLE.multipliedBy(cycles)).isAfter(now.plus(CYCLE))) {
      cycle(start.plus(CYCLE.multipliedBy(cycles)), cycles == 0 ? "" : Integer.toString(cycles));
      cycles++;
    }
  }

  private void cycle(Instant c, String n) {
    String q = customer(at(c, 1), "lee" + n, "do you ship to Canada?", null, "en");
    String a = brand(at(c, 9), "Hi! Yes, we ship to Canada in 3-5 days.", q);
    // Lee writes again after the answer: a next episode in the same conversation (next response time).
    String again = customer(at(c, 12), "lee" + n, "thanks! and is shipping free over $50?", a, "en");
    brand(at(c, 17), "It is, for orders over $50 to Canada.", again);
    customer(at(c, 2), "sam" + n, "love the new app, checkout is so fast now \uD83C\uDF89 thanks!", null, "en");
    String ko = customer(at(c, 4), "minji" + n, "주문한 지 2주가 지났는데 아직도 배송이 안 왔어요. 너무 실망입니다", null, "ko");
    brand(at(c, 48), "민지님, 불편을 드려 죄송합니다. 오늘 바로 재발송해 드렸습니다.", ko);
    String omar = customer(at(c, 6), "omar" + n, "I was charged twice for order #5521, I need a refund", null, "en");
    customer(at(c, 20), "omar" + n, "hello?? still waiting on the refund", omar, "en");
    brand(at(c, 80), "Omar, the duplicate charge is refunded; it shows in 2-3 days. Sorry for the wait.", omar);
    customer(at(c, 10), "kit" + n, "is hosting a meetup in Berlin next week", null, "en");
    String ji = customer(at(c, 30), "jiwoo" + n, "매장 영업시간이 어떻게 되나요?", null, "ko");
    brand(at(c, 40), "지우님, 매장은 매일 10시부터 20시까지 영업합니다.", ji);
    // Pat deletes the complaint after the warning: two looks of the deleted-post check close it, before its page.
    String pat = customer(at(c, 14), "pat" + n, "your courier left my parcel out in the rain, everything is soaked",
        null, "en");
    timeline.deleteAt(pat, at(c, 46));
  }

  private static Instant at(Instant cycleStart, int minutes) {
    return cycleStart.plus(Duration.ofMinutes(minutes));
  }

  private String customer(Instant at, String handle, String text, String inReplyTo, String lang) {
    return timeline.add(at, "9" + Math.abs(handle.hashCode()), handle + "@example.social", text, false, inReplyTo, lang);
  }

  private String brand(Instant at, String text, String inReplyTo) {
    return timeline.add(at, BRAND_ACCOUNT_ID, BRAND_HANDLE, text, true, inReplyTo, "en");
  }
}
