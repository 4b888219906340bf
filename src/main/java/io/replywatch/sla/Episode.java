package io.replywatch.sla;

import io.replywatch.classify.Classification;
import io.replywatch.config.Platform;
import io.replywatch.ingest.Mention;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One waiting episode (product.md §2): a customer waiting in one conversation, from their first unanswered
 * message until the brand's next reply. Mutable, and owned by one {@link SlaTracker}; never shared across threads.
 */
public final class Episode {
  /**
   * A customer message inside the episode: the first opened it, later ones are follow-ups. Its mention and that
   * mention's own classification are kept so that a reply answering only the earlier messages opens the next
   * episode from the first later one ({@link SlaTracker}); both are null for a follow-up restored from a store that
   * no longer holds its mention.
   */
  record Message(String postId, Instant createdAt, Mention mention, Classification classification) {
    boolean known() {
      return mention != null && classification != null;
    }
  }

  /** A follow-up read back from the store with its own classification, to rebuild its {@link Message}. */
  public record FollowUp(Mention mention, Classification classification) {}

  /** A follow-up more urgent than the episode so far, whose classification (and so policy) the episode took. */
  public record Escalation(Mention by, Classification classification) {}

  private final String id;
  private final Mention opening;
  // Not final: a more urgent follow-up escalates the episode (SlaTracker), never the other way.
  private Classification classification;
  private final String conversation;
  private SlaPolicy policy;
  private Escalation escalation;
  private final boolean first;
  private final List<Message> messages = new ArrayList<>();
  private final Set<Level> fired = EnumSet.noneOf(Level.class);
  private Instant closedAt;
  private String closeReason;

  Episode(Mention opening, Classification classification, String conversation, SlaPolicy policy, boolean first) {
    this.id = opening.key();
    this.opening = opening;
    this.classification = classification;
    this.conversation = conversation;
    this.policy = policy;
    this.first = first;
    this.messages.add(new Message(opening.post().id(), opening.post().createdAt(), opening, classification));
  }

  /** Rebuilds an episode read back from the store, with its follow-ups and the events it already fired. */
  public static Episode restored(Mention opening, Classification classification, String conversation,
      SlaPolicy policy, boolean first, List<String> messageIds, List<Instant> messageTimes, Set<Level> fired) {
    return restored(opening, classification, conversation, policy, first, messageIds, messageTimes, Map.of(), fired);
  }

  /**
   * As above, with the follow-ups' mentions by post id: {@code classification} is the opening mention's own, and a
   * follow-up missing from {@code followUps} is kept by id and time only.
   */
  public static Episode restored(Mention opening, Classification classification, String conversation,
      SlaPolicy policy, boolean first, List<String> messageIds, List<Instant> messageTimes,
      Map<String, FollowUp> followUps, Set<Level> fired) {
    Episode e = new Episode(opening, classification, conversation, policy, first);
    for (int i = 1; i < messageIds.size(); i++) {
      FollowUp f = followUps.get(messageIds.get(i));
      e.messages.add(new Message(messageIds.get(i), messageTimes.get(i), f == null ? null : f.mention(),
          f == null ? null : f.classification()));
    }
    e.fired.addAll(fired);
    return e;
  }

  /** The customer's messages in this episode as {@code id@epochMillis}, for the store. */
  public List<String> messageKeys() {
    return messages.stream().map(m -> m.postId() + "@" + m.createdAt().toEpochMilli()).toList();
  }

  public String id() {
    return id;
  }

  public String brand() {
    return opening.brand();
  }

  public Platform platform() {
    return opening.post().platform();
  }

  public String customerId() {
    return opening.post().authorId();
  }

  public String conversation() {
    return conversation;
  }

  public Mention opening() {
    return opening;
  }

  public Classification classification() {
    return classification;
  }

  public SlaPolicy policy() {
    return policy;
  }

  /** The follow-up that escalated this episode, if one did; its classification is then {@link #classification}. */
  public Optional<Escalation> escalation() {
    return Optional.ofNullable(escalation);
  }

  /** Whether this is the conversation's first episode: its response time is the first response time. */
  public boolean isFirst() {
    return first;
  }

  public Instant openedAt() {
    return opening.post().createdAt();
  }

  public boolean isOpen() {
    return closedAt == null;
  }

  public Optional<Instant> closedAt() {
    return Optional.ofNullable(closedAt);
  }

  public Optional<String> closeReason() {
    return Optional.ofNullable(closeReason);
  }

  /** The response time, clamped at zero when a reply's timestamp precedes the message (clock skew). */
  public Optional<Duration> responseTime() {
    if (closedAt == null) {
      return Optional.empty();
    }
    Duration d = Duration.between(openedAt(), closedAt);
    return Optional.of(d.isNegative() ? Duration.ZERO : d);
  }

  public boolean hasFired(Level level) {
    return fired.contains(level);
  }

  public boolean hasAnyEvent() {
    return !fired.isEmpty();
  }

  List<Message> messages() {
    return messages;
  }

  void addMessage(Mention followUp, Classification classification) {
    messages.add(new Message(followUp.post().id(), followUp.post().createdAt(), followUp, classification));
  }

  /** A follow-up carried over from the episode a reply split (SlaTracker), as it was kept there. */
  void addMessage(Message message) {
    messages.add(message);
  }

  /**
   * Takes a more urgent follow-up's classification and policy. The opening, its instant and the events fired stay:
   * the customer has waited since the first message, and what was sent was sent. The caller re-queues deadlines.
   */
  void escalate(Escalation to, SlaPolicy newPolicy) {
    escalation = to;
    classification = to.classification();
    policy = newPolicy;
  }

  void markFired(Level level) {
    fired.add(level);
  }

  void close(Instant at, String reason) {
    closedAt = at;
    closeReason = reason;
  }
}
