package io.replywatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.notify.Events;
import io.replywatch.notify.Outbox;
import io.replywatch.sla.SlaEvent;
import io.replywatch.sla.SlaStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the outbox tells a channel that refreshes its receiver (Alertmanager) at start. */
class OutboxTest {
  private static final Instant NOW = Instant.parse("2026-09-01T12:00:00Z");
  private static final String PAGING = "paging/0";

  @TempDir
  Path dir;

  @Test
  void shouldRememberPagesStillOpenOrResolvedWithinTheWindowOnly() {
    try (Database db = Database.open(dir.resolve("t.db"))) {
      SlaStore store = new SqliteSlaStore(db);
      Outbox outbox = new SqliteOutbox(db);
      SlaEvent open = Events.forMention(Events.breach(), "open");
      SlaEvent justResolved = Events.forMention(Events.breach(), "recent");
      SlaEvent longResolved = Events.forMention(Events.breach(), "old");
      SlaEvent neverSent = Events.forMention(Events.breach(), "pending");
      store.inTransaction(() -> {
        List.of(open, justResolved, longResolved, neverSent).forEach(e -> store.enqueue(e,
            List.of(PAGING, "support/0"), NOW.minus(Duration.ofHours(2))));
        store.enqueue(Events.forMention(Events.resolved(), "recent"), List.of(PAGING), NOW.minus(Duration.ofMinutes(2)));
        store.enqueue(Events.forMention(Events.resolved(), "old"), List.of(PAGING), NOW.minus(Duration.ofMinutes(10)));
      });

      // A resolution is taken only once its page went out: a second take gets it.
      for (List<Outbox.Item> due = outbox.takeDue(NOW, 100); !due.isEmpty(); due = outbox.takeDue(NOW, 100)) {
        for (Outbox.Item item : due) {
          String mention = item.event().mentionId();
          if (!mention.equals("pending")) {
            boolean resolved = item.event().level() == io.replywatch.sla.Level.RESOLVED;
            Instant at = !resolved ? NOW.minus(Duration.ofHours(1))
                : mention.equals("recent") ? NOW.minus(Duration.ofMinutes(2)) : NOW.minus(Duration.ofMinutes(10));
            outbox.sent(item.id(), at);
          }
        }
      }

      List<String> remembered = outbox.deliveredSince(PAGING, NOW.minus(Duration.ofMinutes(5))).stream()
          .map(d -> d.event().mentionId() + " " + d.event().level().id() + " " + d.at()).toList();
      assertEquals(List.of("open breach 2026-09-01T11:00:00Z", "recent breach 2026-09-01T11:00:00Z",
          "recent resolved 2026-09-01T11:58:00Z"), remembered);
    }
  }

  @Test
  void shouldHoldAResolutionBackWhileItsPageWaitsForARetry() {
    try (Database db = Database.open(dir.resolve("t.db"))) {
      SlaStore store = new SqliteSlaStore(db);
      Outbox outbox = new SqliteOutbox(db);
      store.inTransaction(() -> store.enqueue(Events.breach(), List.of(PAGING, "support/0"), NOW));
      store.inTransaction(() -> store.enqueue(Events.forMention(Events.breach(), "other"), List.of(PAGING), NOW));
      List<Outbox.Item> first = outbox.takeDue(NOW, 100);
      assertEquals(List.of("3kxyzabc2 breach paging/0", "3kxyzabc2 breach support/0", "other breach paging/0"),
          names(first));
      Instant retryAt = NOW.plus(Duration.ofMinutes(10));
      outbox.retry(first.get(0).id(), retryAt, "503");
      first.subList(1, 3).forEach(i -> outbox.sent(i.id(), NOW));
      store.inTransaction(() -> store.enqueue(Events.resolved(), List.of(PAGING, "support/0"), NOW));
      store.inTransaction(() -> store.enqueue(Events.forMention(Events.resolved(), "other"), List.of(PAGING), NOW));

      // The page's own channel waits; its other channel and other episodes do not.
      assertEquals(List.of("3kxyzabc2 resolved support/0", "other resolved paging/0"), names(outbox.takeDue(NOW, 100)));
      assertEquals(java.util.Optional.of(retryAt), outbox.nextDue());

      List<Outbox.Item> retried = outbox.takeDue(retryAt, 100);
      assertEquals(List.of("3kxyzabc2 breach paging/0"), names(retried));
      assertEquals(List.of(), names(outbox.takeDue(retryAt, 100)));
      outbox.sent(retried.get(0).id(), retryAt);
      assertEquals(List.of("3kxyzabc2 resolved paging/0"), names(outbox.takeDue(retryAt, 100)));
    }
  }

  @Test
  void shouldNotHoldAResolutionBackForEverBehindAPageThatFailedForGood() {
    try (Database db = Database.open(dir.resolve("t.db"))) {
      SlaStore store = new SqliteSlaStore(db);
      Outbox outbox = new SqliteOutbox(db);
      store.inTransaction(() -> store.enqueue(Events.breach(), List.of(PAGING), NOW));
      store.inTransaction(() -> store.enqueue(Events.resolved(), List.of(PAGING), NOW));
      List<Outbox.Item> page = outbox.takeDue(NOW, 100);
      assertEquals(List.of("3kxyzabc2 breach paging/0"), names(page));
      outbox.failed(page.get(0).id(), NOW, "400");
      assertEquals(List.of("3kxyzabc2 resolved paging/0"), names(outbox.takeDue(NOW, 100)));
    }
  }

  private static List<String> names(List<Outbox.Item> items) {
    return items.stream().map(i -> i.event().mentionId() + " " + i.event().level().id() + " " + i.channel()).toList();
  }
}
