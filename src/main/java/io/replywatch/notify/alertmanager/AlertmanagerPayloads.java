package io.replywatch.notify.alertmanager;

import io.replywatch.notify.Wording;
import io.replywatch.sla.SlaEvent;
import io.replywatch.text.Text;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Builds the {@code postableAlert} array of Alertmanager's {@code POST /api/v2/alerts} (alert-payloads.md §2.1).
 *
 * <p>Labels identify an alert, so they hold only stable values: {@code alertname}, {@code stage}, {@code severity},
 * {@code brand}, {@code platform}, {@code category}, {@code mention_id}. A warning and a breach of one mention are two
 * alerts (stage support / oncall) that share brand, platform and mention_id, which is what the inhibit rule of
 * {@code config/alertmanager/alertmanager.yml} matches on. Anything that changes (the age) is in annotations.
 *
 * <p>Firing alerts carry {@code endsAt = now + ttl}: if Replywatch stops re-sending them, Alertmanager resolves them by
 * itself instead of paging forever. A resolved event produces the same labels with {@code endsAt} = the reply time.
 */
public final class AlertmanagerPayloads {

  /** The alert name; rules, routes and dashboards match on it. */
  public static final String ALERTNAME = "SocialComplaintUnanswered";
  /** Mention text kept in the {@code text} annotation. */
  public static final int MAX_TEXT = 2000;

  /** The two firing stages, one alert each. */
  enum Stage {
    SUPPORT("support", "warning"), ONCALL("oncall", "page");

    final String id;
    final String severity;

    Stage(String id, String severity) {
      this.id = id;
      this.severity = severity;
    }
  }

  private final Optional<String> monitorUrl;
  private final Optional<String> runbookUrl;
  private final Duration ttl;

  /**
   * @param monitorUrl Replywatch's external base URL, for {@code generatorURL}; empty to leave it out
   * @param runbookUrl put in the {@code runbook_url} annotation when present
   * @param ttl how long a firing alert stays firing without a re-send; longer than the re-send interval
   */
  public AlertmanagerPayloads(Optional<String> monitorUrl, Optional<String> runbookUrl, Duration ttl) {
    this.monitorUrl = monitorUrl.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
    this.runbookUrl = runbookUrl;
    this.ttl = ttl;
  }

  /**
   * The alerts for {@code event} as of {@code now}: one firing alert for warning or breach; for resolved, one
   * resolved alert per stage the policy has, its startsAt never after its endsAt (Alertmanager rejects that).
   */
  public JsonArray build(SlaEvent event, Instant now) {
    JsonArray alerts = new JsonArray();
    switch (event.level()) {
      case WARNING -> alerts.add(firing(event, Stage.SUPPORT, now));
      case BREACH -> alerts.add(firing(event, Stage.ONCALL, now));
      case RESOLVED -> {
        // Every stage the policy has, not only those the response time reached: a reply stamped before a deadline
        // but read after it fired (the next poll, a platform's indexing delay) answers in under the target, and
        // leaving that stage out kept its alert firing until the ttl (24 h). Resolving an alert Alertmanager never
        // had firing notifies nobody.
        for (Stage stage : Stage.values()) {
          target(event, stage).ifPresent(t -> alerts.add(resolved(event, stage)));
        }
      }
      default -> throw new IllegalArgumentException("unknown level " + event.level());
    }
    return alerts;
  }

  private JsonObject firing(SlaEvent event, Stage stage, Instant now) {
    Duration age = event.waited().plus(now.isAfter(event.at()) ? Duration.between(event.at(), now) : Duration.ZERO);
    Instant endsAt = now.plus(ttl);
    return alert(event, stage, age, startsAt(event, stage, endsAt), endsAt);
  }

  private JsonObject resolved(SlaEvent event, Stage stage) {
    return alert(event, stage, event.waited(), startsAt(event, stage, event.at()), event.at());
  }

  private JsonObject alert(SlaEvent event, Stage stage, Duration age, Instant startsAt, Instant endsAt) {
    JsonObject alert = new JsonObject()
        .put("labels", labels(event, stage))
        .put("annotations", annotations(event, age))
        .put("startsAt", startsAt.toString())
        .put("endsAt", endsAt.toString());
    monitorUrl.ifPresent(base -> alert.put("generatorURL", base + "/mentions/" + mentionId(event)));
    return alert;
  }

  /** The labels of the alert for {@code stage}: stable for the whole life of the episode. */
  static JsonObject labels(SlaEvent event, Stage stage) {
    return new JsonObject()
        .put("alertname", ALERTNAME)
        .put("stage", stage.id)
        .put("severity", stage.severity)
        .put("brand", Text.line(event.brand(), 128))
        .put("platform", event.platform().id())
        .put("category", event.category().id())
        .put("mention_id", mentionId(event));
  }

  private JsonObject annotations(SlaEvent event, Duration age) {
    String description = "Author " + Text.handle(event.authorHandle()) + ", sentiment " + event.category().id()
        + " (" + Wording.confidence(event.confidence()) + "). SLA: " + Wording.targets(event) + ".";
    JsonObject annotations = new JsonObject()
        .put("summary", Wording.summary(event, age.toMinutes()))
        .put("description", description)
        .put("age_minutes", Long.toString(age.toMinutes()))
        .put("text", Text.cut(Text.multiLine(event.text()), MAX_TEXT))
        .put("dedup_key", event.dedupKey());
    Text.httpUrl(event.permalink()).ifPresent(url -> annotations.put("mention_url", url));
    runbookUrl.ifPresent(url -> annotations.put("runbook_url", url));
    return annotations;
  }

  private static Instant startsAt(SlaEvent event, Stage stage, Instant notAfter) {
    Instant start = target(event, stage).map(t -> event.openedAt().plus(t)).orElse(event.at());
    return start.isAfter(notAfter) ? notAfter : start;
  }

  private static Optional<Duration> target(SlaEvent event, Stage stage) {
    return stage == Stage.SUPPORT ? event.warningTarget() : event.breachTarget();
  }

  private static String mentionId(SlaEvent event) {
    return Text.line(event.mentionId(), 128);
  }
}
