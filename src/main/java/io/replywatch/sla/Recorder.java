package io.replywatch.sla;

import io.replywatch.classify.Classification;
import io.replywatch.ingest.Mention;
import io.replywatch.ingest.Post;
import io.replywatch.text.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything that follows from a tracker change: the store row, the outbox rows for each channel, the metrics,
 * the waiting table, the live log, and the events to announce once the transaction commits. An event already in the store (fired before a
 * restart) is not published again. Public so that the {@code bench} command's SLA section measures the same
 * durable writes as the service, from its own package.
 */
public final class Recorder implements SlaListener {
  private final SlaStore store;
  private final SlaMetrics metrics;
  private final WaitingTable waiting;
  private final ActivityLog activity;
  private final io.replywatch.config.ReplywatchConfig.Alerts alerts;
  private final java.time.Clock clock;
  private final List<SlaEvent> pending = new ArrayList<>();
  /** Open episodes that paged on-call: their resolution must reach the paging channels too. */
  private final java.util.Set<String> paged = new java.util.HashSet<>();
  private boolean quiet;

  public Recorder(SlaStore store, SlaMetrics metrics, WaitingTable waiting, ActivityLog activity,
      io.replywatch.config.ReplywatchConfig.Alerts alerts, java.time.Clock clock) {
    this.store = store;
    this.alerts = alerts;
    this.clock = clock;
    this.metrics = metrics;
    this.waiting = waiting;
    this.activity = activity;
  }

  ActivityLog activity() {
    return activity;
  }

  /** Runs {@code work} without logging or re-saving what it reports (recovery replays known state). */
  void quietly(Runnable work) {
    quiet = true;
    try {
      work.run();
    } finally {
      quiet = false;
    }
  }

  /** The events of the last committed transaction, in order; clears them. */
  List<SlaEvent> drain() {
    List<SlaEvent> out = List.copyOf(pending);
    pending.clear();
    return out;
  }

  /** Recovery: this open episode paged before the restart. */
  void paged(String episodeId) {
    paged.add(episodeId);
  }

  /** The transaction rolled back: nothing of it may be sent. */
  void discard() {
    pending.clear();
  }

  void mention(Mention m, Classification c) {
    metrics.mention(m.brand(), m.post().platform(), c.category());
    // The handle is the post author's to choose: flattened like the text, so it cannot forge a log line.
    activity.log("mention", Text.handle(m.post().authorHandle()) + " on " + m.post().platform().displayName() + ": "
        + ActivityLog.quote(m.post().text()) + " -> " + c.category().id()
        + String.format(" (%.2f, %s)", c.confidence(), c.language()));
  }

  @Override
  public void remembered(String brand, Post post, String conversation, String customerId) {
    store.savePost(brand, post, conversation, customerId);
  }

  @Override
  public void replyHeld(String brand, Post reply) {
    store.savePendingReply(brand, reply);
  }

  @Override
  public void replyReleased(Post reply) {
    store.deletePendingReply(reply);
  }

  @Override
  public void opened(Episode e) {
    waiting.open(e.id(), e.brand(), e.platform(), e.classification().category(), e.openedAt(),
        e.policy().calendar());
    if (quiet) {
      return;
    }
    store.saveEpisode(e);
    if (e.policy().hasTargets()) {
      activity.log("waiting", e.id() + " " + e.classification().category().id() + ": " + deadlines(e));
    }
  }

  /** The waiting gauge moves to the new category; the store row is written by the {@link #followUp} that follows. */
  @Override
  public void escalated(Episode e, io.replywatch.classify.Category before, SlaPolicy policyBefore) {
    waiting.open(e.id(), e.brand(), e.platform(), e.classification().category(), e.openedAt(),
        e.policy().calendar());
    String due = deadlines(e);
    activity.log("escalated", e.id() + " " + before.id() + " -> " + e.classification().category().id()
        + (due.isEmpty() ? "" : ": " + due));
  }

  /** "warning at 10:30, page at 11:00", as far as the episode's policy has those targets. */
  private String deadlines(Episode e) {
    List<String> due = new ArrayList<>();
    e.policy().deadline(e.openedAt(), Level.WARNING).ifPresent(t -> due.add("warning at " + hhmm(t)));
    e.policy().deadline(e.openedAt(), Level.BREACH).ifPresent(t -> due.add("page at " + hhmm(t)));
    return String.join(", ", due);
  }

  @Override
  public void followUp(Episode e, String postId) {
    store.saveEpisode(e);
  }

  @Override
  public void closed(Episode e) {
    store.saveEpisode(e);
    waiting.close(e.id());
    Duration rt = e.responseTime().orElse(Duration.ZERO);
    // Closed by hand (spam, answered by phone) is no response: as /api/v1/sla and replay, the histograms that the
    // dashboards' compliance and percentiles read count only episodes the brand answered on the platform.
    if (e.closeReason().filter(SlaEvents.REPLIED::equals).isPresent()) {
      // Wall clock for the percentiles (what the customer waited); the policy's SLA clock for compliance, as the
      // store's business_response_ms that /api/v1/sla reads, so a Friday-evening question answered on Monday
      // morning is within target on the dashboards too.
      metrics.responseTime(e.brand(), e.platform(), e.classification().category(), e.isFirst(), rt,
          e.policy().clockTime(e.openedAt(), rt));
    }
    activity.log("answered", e.id() + " " + e.classification().category().id() + " after " + rt.toMinutes() + " min"
        + e.closeReason().filter(r -> !r.equals(SlaEvents.REPLIED)).map(r -> " (closed without a reply: " + r + ")")
        .orElse(""));
  }

  @Override
  public void event(SlaEvent event) {
    if (!store.saveEvent(event)) {
      return;
    }
    if (event.level() == Level.BREACH) {
      paged.add(event.episodeId());
    }
    boolean hadPaged = event.level() == Level.RESOLVED && paged.remove(event.episodeId());
    store.enqueue(event, Routing.targets(event.level(), hadPaged, alerts), clock.instant());
    metrics.slaEvent(event.brand(), event.platform(), event.category(), event.level());
    String who = event.category().id() + " from " + Text.handle(event.authorHandle()) + " on "
        + event.platform().displayName();
    String waited = event.waited().toMinutes() + " min";
    switch (event.level()) {
      case WARNING -> activity.log("WARNING", who + " unanswered for " + waited + " -> support");
      case BREACH -> activity.log("BREACH", who + " unanswered for " + waited + " -> support + on-call");
      case RESOLVED -> activity.log("RESOLVED", who + event.closedAs()
          .map(r -> " closed without a reply after " + waited + ": " + Text.line(r, 100))
          .orElse(" answered after " + waited));
    }
    pending.add(event);
  }

  private static String hhmm(Instant t) {
    return t.toString().substring(11, 16);
  }
}
