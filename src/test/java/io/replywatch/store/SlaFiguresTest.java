package io.replywatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class SlaFiguresTest {

  @Test
  void shouldCountWhoWaitsWithATargetApartFromEveryone() {
    SlaFigures f = new SlaFigures();
    f.add(new SlaFigures.Row(false, 0, 0, 1800L, 3600L, 4000)); // a complaint past its breach
    f.add(new SlaFigures.Row(false, 0, 0, null, null, 4000)); // praise: measured, never alerted
    f.add(new SlaFigures.Row(false, 0, 0, null, null, 100));
    f.add(new SlaFigures.Row(false, 0, 0, 1800L, 3600L, 2000)); // a question past its warning
    f.add(new SlaFigures.Row(true, 600, 600, 1800L, 3600L, -1));

    JsonObject json = f.toJson();
    assertEquals(new JsonObject().put("under_30m", 1L).put("30m_to_60m", 1L).put("over_60m", 2L),
        json.getJsonObject("waiting"));
    assertEquals(new JsonObject().put("under_30m", 0L).put("30m_to_60m", 1L).put("over_60m", 1L),
        json.getJsonObject("waitingWithTargets"));
    assertEquals(5, json.getInteger("episodes"));
    assertEquals(1.0, json.getDouble("withinWarning"));
  }
}
