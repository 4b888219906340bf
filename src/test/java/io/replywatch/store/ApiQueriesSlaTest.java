package io.replywatch.store;

import static io.replywatch.testing.Posts.as;
import static io.replywatch.testing.Posts.mention;
import static io.replywatch.testing.Posts.post;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.classify.Category;
import io.replywatch.config.ReplywatchConfig.Calendar;
import io.replywatch.config.ReplywatchConfig.Policy;
import io.replywatch.sla.Episode;
import io.replywatch.sla.SlaListener;
import io.replywatch.sla.SlaStore;
import io.replywatch.sla.SlaTracker;
import io.replywatch.sla.calendar.Window;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/v1/sla} judges targets and ages in the policy's business time, as the deadlines, the
 * {@code replywatch_waiting} gauge and replay do: a complaint sent on Friday at 17:50 (Berlin, office hours
 * Monday to Friday 09:00-18:00) and answered on Monday at 09:10 took 20 minutes, not 63 hours.
 */
class ApiQueriesSlaTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final java.time.Instant FRIDAY_1750 = ZonedDateTime.of(2026, 11, 6, 17, 50, 0, 0, BERLIN).toInstant();
  private static final java.time.Instant MONDAY_0910 = ZonedDateTime.of(2026, 11, 9, 9, 10, 0, 0, BERLIN).toInstant();
  private static final long WALL_SECONDS = Duration.between(FRIDAY_1750, MONDAY_0910).toSeconds();

  private static final Calendar OFFICE = new Calendar("office", BERLIN,
      EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY).stream().collect(Collectors.toMap(Function.identity(),
          d -> List.of(new Window(LocalTime.of(9, 0), LocalTime.of(18, 0), false)))), Set.of());
  private static final List<Policy> POLICIES = List.of(new Policy(Set.of(), Set.of(), Set.of(),
      Optional.of(Duration.ofMinutes(30)), Optional.of(Duration.ofMinutes(60)), Optional.of(OFFICE)));

  @TempDir
  Path dir;

  @Test
  void shouldJudgeSharesAndAgesInTheBusinessTimeOfTheEpisodesPolicy() {
    try (Database db = Database.open(dir.resolve("r.db"))) {
      SlaStore store = new SqliteSlaStore(db);
      SlaTracker tracker = new SlaTracker(POLICIES, new SlaListener() {
        @Override
        public void opened(Episode e) {
          store.saveEpisode(e);
        }

        @Override
        public void closed(Episode e) {
          store.saveEpisode(e);
        }
      });
      store.inTransaction(() -> { // as the SLA stage writes: one transaction per batch
        tracker.onMention(mention("m1", "jane", FRIDAY_1750, null), as(Category.COMPLAINT));
        tracker.onMention(mention("m2", "omar", FRIDAY_1750, null), as(Category.COMPLAINT));
        tracker.onBrandReply("acme", post("r1", "acme", MONDAY_0910, "m1"));
      });

      JsonObject total = new ApiQueries(db, Clock.fixed(MONDAY_0910, BERLIN), POLICIES).sla(null, null)
          .getJsonObject("total");
      assertEquals(1.0, total.getDouble("withinWarning"), "20 business minutes is within 30");
      assertEquals(1.0, total.getDouble("withinBreach"));
      assertEquals(WALL_SECONDS, total.getLong("responseSecondsP50"), "percentiles stay wall-clock, as the histogram");
      JsonObject ages = new JsonObject().put("under_30m", 1L).put("30m_to_60m", 0L).put("over_60m", 0L);
      assertEquals(ages, total.getJsonObject("waiting"), "omar has waited 20 business minutes");
      assertEquals(ages, total.getJsonObject("waitingWithTargets"));
    }
  }

  /** A store written before the business response was kept: it opens, keeps its rows, and is judged the same. */
  @Test
  void shouldMigrateAStoreOfSchemaOneAndJudgeItsClosedEpisodesInBusinessTime() throws Exception {
    Path file = dir.resolve("v1.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      for (String sql : Database.MIGRATIONS.get(0).split(";\\s*\\n")) {
        if (!sql.isBlank()) {
          s.execute(sql);
        }
      }
      s.execute("PRAGMA user_version=1");
      s.execute("INSERT INTO episodes (id, brand, platform, mention_id, conversation, customer_id, opened_at, category,"
          + " first, messages, closed_at, close_reason, response_ms, warning_ms, breach_ms) VALUES ('mastodon-m1',"
          + " 'acme', 'mastodon', 'm1', 'm1', 'jane', " + FRIDAY_1750.toEpochMilli() + ", 'complaint', 1, 'm1@0', "
          + MONDAY_0910.toEpochMilli() + ", 'replied', " + WALL_SECONDS * 1000 + ", 1800000, 3600000)");
    }
    try (Database db = Database.open(file)) {
      assertEquals(Database.SCHEMA_VERSION, db.userVersion());
      JsonObject total = new ApiQueries(db, Clock.fixed(MONDAY_0910, BERLIN), POLICIES).sla(null, null)
          .getJsonObject("total");
      assertEquals(Map.of("episodes", 1, "answered", 1, "withinWarning", 1.0, "responseSecondsP50", (int) WALL_SECONDS),
          Map.of("episodes", total.getInteger("episodes"), "answered", total.getInteger("answered"),
              "withinWarning", total.getDouble("withinWarning"), "responseSecondsP50",
              total.getInteger("responseSecondsP50")));
    }
  }
}
