package io.replywatch.notify.alertmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The integration test's config must be the shipped routing with only receivers and timers changed. */
class RealAlertmanagerTest {

  private static final Path SHIPPED = Path.of("config", "alertmanager", "alertmanager.yml");

  @Test
  void shouldKeepShippedRoutesAndInhibitRulesWhenSwappingReceivers() throws Exception {
    @SuppressWarnings("unchecked")
    JsonObject shipped = new JsonObject(new ObjectMapper(new YAMLFactory()).readValue(SHIPPED.toFile(), Map.class));
    JsonObject test = RealAlertmanager.testConfig(SHIPPED, "http://127.0.0.1:1");

    assertEquals(shipped.getJsonArray("inhibit_rules"), test.getJsonArray("inhibit_rules"));
    JsonObject rule = test.getJsonArray("inhibit_rules").getJsonObject(0);
    assertEquals(new JsonArray().add("brand").add("platform").add("mention_id"), rule.getJsonArray("equal"));
    JsonObject route = test.getJsonObject("route");
    assertEquals("1s", route.getString("group_wait"));
    assertEquals(shipped.getJsonObject("route").getJsonArray("group_by"), route.getJsonArray("group_by"));
    for (int i = 0; i < route.getJsonArray("routes").size(); i++) {
      JsonObject sub = route.getJsonArray("routes").getJsonObject(i);
      JsonObject original = shipped.getJsonObject("route").getJsonArray("routes").getJsonObject(i);
      assertEquals(original.getString("receiver"), sub.getString("receiver"));
      assertEquals(original.getJsonArray("matchers"), sub.getJsonArray("matchers"));
      assertEquals("1s", sub.getString("group_wait"));
    }
    for (Object r : test.getJsonArray("receivers")) {
      JsonObject receiver = (JsonObject) r;
      assertNull(receiver.getValue("slack_configs"));
      assertNull(receiver.getValue("pagerduty_configs"));
      assertEquals("http://127.0.0.1:1/" + receiver.getString("name"),
          receiver.getJsonArray("webhook_configs").getJsonObject(0).getString("url"));
    }
    assertEquals(2, test.getJsonArray("receivers").size());
  }
}
