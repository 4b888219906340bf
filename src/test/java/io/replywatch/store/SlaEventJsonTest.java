package io.replywatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.notify.Events;
import io.replywatch.sla.SlaEvent;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The outbox keeps events as JSON, so a notification sent after a restart is the one that was built. */
class SlaEventJsonTest {

  @Test
  void shouldReadBackWhatItWrote() {
    for (SlaEvent e : new SlaEvent[] {Events.warning(), Events.resolved(), Events.closed("deleted on Bluesky")}) {
      assertEquals(e, SlaEventJson.decode(SlaEventJson.encode(e)));
    }
  }

  /** A row written before closedAs existed is an answered episode's, as every resolved event then was. */
  @Test
  void shouldReadARowWrittenBeforeCloseReasons() {
    JsonObject old = new JsonObject(SlaEventJson.encode(Events.resolved()));
    old.remove("closedAs");
    assertEquals(Optional.empty(), SlaEventJson.decode(old.encode()).closedAs());
    assertEquals(Events.resolved(), SlaEventJson.decode(old.encode()));
  }
}
