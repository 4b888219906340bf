package io.replywatch.sla;

import static io.replywatch.sla.SlaStageHarness.sqlColumn;
import static io.replywatch.testing.Posts.T0;
import static io.replywatch.testing.Posts.post;
import static io.replywatch.testing.Posts.said;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.ingest.Mention;
import io.replywatch.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service end to end, across a restart: a neutral first message, then a complaint before any answer. The
 * complaint's warning fires at once (the customer has waited since the first message), the escalated episode is
 * restored as a complaint after a restart, pages at 60 minutes from the first message, and resolves as one.
 */
class EscalationRestartTest {
  @TempDir
  Path dir;

  private SlaStageHarness stage;

  @BeforeEach
  void setUp() {
    stage = new SlaStageHarness(dir, T0.plus(Duration.ofMinutes(45)));
  }

  @AfterEach
  void tearDown() throws Exception {
    stage.close();
  }

  @Test
  void shouldWarnRestoreAndPageTheComplaintThatFollowedANeutralMessage() throws Exception {
    // What the default classifier calls neutral, then a complaint (checked below through the stored mentions).
    Mention hello = said("m1", "@acme I have an order from last week", T0, null);
    Mention broken = said("m2", "my order arrived broken, I want a refund", T0.plus(Duration.ofMinutes(10)), "m1");

    try (Database db = stage.open()) {
      String id = stage.start(db);
      stage.batch(List.of(hello, broken), List.of());
      assertEquals(List.of("m1 neutral", "m2 complaint"), sqlColumn(db, "SELECT id || ' ' || category FROM mentions"
          + " ORDER BY id"));
      assertEquals(List.of("complaint m2"), sqlColumn(db, "SELECT category || ' ' || escalated_by FROM episodes"));
      assertEquals(List.of("warning"), sqlColumn(db, "SELECT level FROM sla_events"), "45 minutes: warned at once");
      stage.stop(id);
    }

    stage.clock.set(T0.plus(Duration.ofMinutes(120)));
    try (Database db = stage.open()) {
      stage.start(db);
      stage.batch(List.of(), List.of()); // a poll cycle: fires what fell due while the service was down
      assertEquals(List.of("warning", "breach"), sqlColumn(db, "SELECT level FROM sla_events ORDER BY at"));
      assertEquals(List.of(String.valueOf(T0.plus(Duration.ofMinutes(60)).toEpochMilli())),
          sqlColumn(db, "SELECT at FROM sla_events WHERE level = 'breach'"), "60 minutes from the first message");
      stage.batch(List.of(), List.of(post("r1", "acme", T0.plus(Duration.ofMinutes(121)), "m2")));
      assertEquals(List.of("complaint replied 7260000"),
          sqlColumn(db, "SELECT category || ' ' || close_reason || ' ' || response_ms FROM episodes"));
      assertEquals(List.of("breach complaint", "resolved complaint", "warning complaint"),
          sqlColumn(db, "SELECT DISTINCT level || ' ' || json_extract(payload, '$.category') FROM outbox ORDER BY 1"));
    }
  }
}
