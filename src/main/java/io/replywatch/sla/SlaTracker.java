package io.replywatch.sla;

import io.replywatch.classify.Category;
import io.replywatch.classify.Classification;
import io.replywatch.config.Platform;
import io.replywatch.config.ReplywatchConfig.Policy;
import io.replywatch.ingest.Mention;
import io.replywatch.ingest.Post;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The SLA engine's pure core (product.md §2): opens and closes waiting episodes, and says which deadlines are due
 * at a given instant. No timers and no Vert.x: the caller passes "now" and arms one timer for
 * {@link #nextDeadline()}, so a deadline fires on time without a periodic sweep. Not thread-safe by design: one
 * verticle owns it.
 */
public final class SlaTracker {
  private static final int PENDING_REPLY_LIMIT = 100_000;

  /** A deadline in the queue; ordered by time, then id, so equal times stay distinct. */
  private record Deadline(Instant at, String episodeId, Level level) {}

  private final List<Policy> policies;
  private final SlaListener listener;
  private final Map<String, Episode> open = new HashMap<>();
  private final Map<String, Episode> openByThread = new HashMap<>();
  private final TreeSet<Deadline> deadlines = new TreeSet<>(
      Comparator.comparing(Deadline::at).thenComparing(Deadline::episodeId).thenComparing(Deadline::level));
  private final Map<String, PostInfo> posts = new HashMap<>();
  private final Map<String, Integer> episodesPerConversation = new HashMap<>();
  /**
   * Brand replies whose parent we have not seen yet (clock skew, late keyword search), by parent id. The listener
   * hears of each one held and released, so the store can keep them across a restart.
   */
  private final Map<String, Post> pendingReplies = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Post> eldest) {
      boolean full = size() > PENDING_REPLY_LIMIT;
      if (full) {
        listener.replyReleased(eldest.getValue());
      }
      return full;
    }
  };

  /** What we remember of any post seen: its conversation and, for customer posts, its author. */
  private record PostInfo(String conversation, String customerId, Instant createdAt) {}

  /**
   * How long after it was received an episode's deadlines wait at least, by brand and platform; zero but where the
   * brand has several accounts on that platform ({@link #settleUntil}).
   */
  private final BiFunction<String, Platform, Duration> settle;
  /** Episodes whose deadlines wait for the brand's other accounts on the platform to be read: until when. */
  private final Map<String, Instant> settleUntil = new HashMap<>();

  public SlaTracker(List<Policy> policies, SlaListener listener) {
    this(policies, listener, (brand, platform) -> Duration.ZERO);
  }

  /**
   * @param settle how long after a mention was received its episode's deadlines wait at least: each poller reads
   *     only its own account, so where a brand has two accounts on one platform (@AcmeHelp and @AcmeCare), a
   *     mention read by one may already be answered by the other, whose batch has not come yet. Without the wait
   *     a backfill after an outage (or any mention read late) pages on-call for it and resolves a second later. One
   *     poll interval and a little lets every account's poller read once; a mention read in time is not delayed.
   */
  public SlaTracker(List<Policy> policies, SlaListener listener, BiFunction<String, Platform, Duration> settle) {
    this.policies = List.copyOf(policies);
    this.listener = listener;
    this.settle = settle;
  }

  /**
   * A customer's message: opens an episode, or joins the customer's open one in that conversation as a
   * follow-up. The same post twice is ignored.
   */
  public void onMention(Mention mention, Classification classification) {
    Post post = mention.post();
    if (posts.containsKey(key(post.platform(), post.id()))) {
      return;
    }
    String conversation = conversationOf(post);
    posts.put(key(post.platform(), post.id()), new PostInfo(conversation, post.authorId(), post.createdAt()));
    listener.remembered(mention.brand(), post, conversation, post.authorId());
    String thread = threadKey(mention.brand(), post.platform(), conversation, post.authorId());
    Episode current = openByThread.get(thread);
    if (current != null) {
      current.addMessage(mention, classification);
      escalateIfMoreUrgent(current, mention, classification);
      listener.followUp(current, post.id());
    } else {
      openEpisode(mention, classification, conversation, thread);
    }
    Post early = pendingReplies.remove(key(post.platform(), post.id()));
    if (early != null) {
      listener.replyReleased(early);
      onBrandReply(mention.brand(), early);
    }
  }

  /**
   * A follow-up more urgent than its episode ("hi" then "my order arrived broken") gives the episode its category
   * and policy: otherwise the complaint would wait under the greeting's never-alerting policy. Deadlines count
   * from the episode's opening, since the customer has waited since the first message, so one already past fires
   * at the next {@link #fireDue}. Never the other way: "thanks" after a complaint leaves the complaint's clock.
   */
  private void escalateIfMoreUrgent(Episode e, Mention followUp, Classification classification) {
    SlaPolicy policy = SlaPolicy.resolve(policies, e.brand(), e.platform(), classification.category());
    if (urgency(classification.category(), policy) <= urgency(e.classification().category(), e.policy())) {
      return;
    }
    Category categoryBefore = e.classification().category();
    SlaPolicy policyBefore = e.policy();
    unqueue(e);
    e.escalate(new Episode.Escalation(followUp, classification), policy);
    queueUnfired(e);
    listener.escalated(e, categoryBefore, policyBefore);
  }

  /**
   * How urgent a message is, to compare a follow-up with its episode: first whether its policy has a target at all
   * (so a follow-up never takes away a clock, whatever the configured rules), then complaint > question > praise =
   * neutral (complaint wins over question, product.md §2; praise and neutral ask nothing of the brand).
   */
  static int urgency(Category category, SlaPolicy policy) {
    int rank = switch (category) {
      case COMPLAINT -> 2;
      case QUESTION -> 1;
      case PRAISE, NEUTRAL -> 0;
    };
    return (policy.hasTargets() ? 10 : 0) + rank;
  }

  private void openEpisode(Mention mention, Classification classification, String conversation, String thread) {
    SlaPolicy policy = SlaPolicy.resolve(policies, mention.brand(), mention.post().platform(), classification.category());
    int seen = episodesPerConversation.merge(
        threadKey(mention.brand(), mention.post().platform(), conversation, ""), 1, Integer::sum);
    Episode e = new Episode(mention, classification, conversation, policy, seen == 1);
    open.put(e.id(), e);
    openByThread.put(thread, e);
    Duration wait = settle.apply(mention.brand(), mention.post().platform());
    if (!wait.isZero() && !wait.isNegative()) {
      settleUntil.put(e.id(), mention.receivedAt().plus(wait));
    }
    queueUnfired(e);
    listener.opened(e);
  }

  /**
   * A post by one of the brand's (non-automated) accounts. When it replies to a customer's message it closes that
   * customer's open episode in the conversation; when it replies to another brand post in a conversation, it
   * closes every open episode there.
   */
  public void onBrandReply(String brand, Post reply) {
    if (posts.containsKey(key(reply.platform(), reply.id()))) {
      return;
    }
    if (reply.inReplyToId().isEmpty()) {
      // A brand post that starts a thread answers nobody, but customers complain under it and the brand answers
      // there: remembered, a brand reply to it finds its conversation instead of waiting for ever as held.
      rememberBrandPost(brand, reply, conversationOf(reply));
      return;
    }
    String parentId = reply.inReplyToId().get();
    PostInfo parent = posts.get(key(reply.platform(), parentId));
    if (parent == null) {
      pendingReplies.put(key(reply.platform(), parentId), reply);
      listener.replyHeld(brand, reply);
      return;
    }
    rememberBrandPost(brand, reply, parent.conversation());
    List<Episode> answered = new ArrayList<>();
    if (parent.customerId() != null) {
      Episode e = openByThread.get(threadKey(brand, reply.platform(), parent.conversation(), parent.customerId()));
      // A reply newer than the episode answers it, whichever of the customer's messages it quotes. An older
      // reply answers it only when it replies to one of the episode's own messages: that is clock skew.
      if (e != null && (!reply.createdAt().isBefore(e.openedAt()) || !parent.createdAt().isBefore(e.openedAt()))) {
        answered.add(e);
      }
    } else {
      for (Episode e : List.copyOf(open.values())) {
        // Same platform too: conversation ids of two platforms can coincide, and a reply on one answers nobody on
        // the other. And not an episode opened after the reply: it answers no message written later (seen late,
        // it closed such an episode with none of its messages, recorded 0 minutes and opened it again, same id).
        if (e.brand().equals(brand) && e.platform() == reply.platform()
            && e.conversation().equals(parent.conversation()) && !reply.createdAt().isBefore(e.openedAt())) {
          answered.add(e);
        }
      }
    }
    // Under clock skew the reply still answers the message it replies to, even if stamped earlier.
    Instant answeredUpTo = parent.createdAt().isAfter(reply.createdAt()) ? parent.createdAt() : reply.createdAt();
    for (Episode e : answered) {
      close(e, reply.createdAt(), answeredUpTo, SlaEvents.REPLIED);
    }
  }

  /** A brand post becomes known; a reply held for it (seen first) is handled now. */
  private void rememberBrandPost(String brand, Post post, String conversation) {
    posts.put(key(post.platform(), post.id()), new PostInfo(conversation, null, post.createdAt()));
    listener.remembered(brand, post, conversation, null);
    Post early = pendingReplies.remove(key(post.platform(), post.id()));
    if (early != null) {
      listener.replyReleased(early);
      onBrandReply(brand, early);
    }
  }

  /** Closes an open episode by hand (answered outside the platform, spam). */
  public Optional<Episode> closeByHand(String episodeId, String reason, Instant now) {
    Episode e = open.get(episodeId);
    if (e == null) {
      return Optional.empty();
    }
    close(e, now, now, reason);
    return Optional.of(e);
  }

  private void close(Episode e, Instant at, Instant answeredUpTo, String reason) {
    // Follow-ups written after the reply are not answered by it: they start the next episode.
    List<Episode.Message> later =
        e.messages().stream().filter(m -> m.createdAt().isAfter(answeredUpTo)).toList();
    e.messages().removeIf(m -> m.createdAt().isAfter(answeredUpTo));
    e.close(at, reason);
    open.remove(e.id());
    openByThread.remove(threadKey(e.brand(), e.platform(), e.conversation(), e.customerId()));
    unqueue(e);
    settleUntil.remove(e.id()); // after unqueue, which finds the deadlines by their settled times
    listener.closed(e);
    if (e.hasAnyEvent()) {
      listener.event(SlaEvents.of(e, Level.RESOLVED, at, e.responseTime().orElse(Duration.ZERO)));
    }
    if (!later.isEmpty()) {
      reopen(e, later);
    }
  }

  /**
   * The follow-ups a reply did not answer (written after it) open the next episode, as a customer message after a
   * brand reply does (product.md §2). It opens from the earliest of them with that message's own text, link,
   * language and classification; the others join it as follow-ups in time order, so a more urgent one escalates it
   * ({@link #escalateIfMoreUrgent}). Nothing comes from the answered episode: its classification, or the follow-up
   * that escalated it, belongs to the messages the reply answered.
   */
  private void reopen(Episode answered, List<Episode.Message> later) {
    List<Episode.Message> inOrder = later.stream().sorted(Comparator.comparing(Episode.Message::createdAt)).toList();
    Episode.Message first = inOrder.get(0);
    String thread = threadKey(answered.brand(), answered.platform(), answered.conversation(), answered.customerId());
    if (first.known()) {
      openEpisode(first.mention(), first.classification(), answered.conversation(), thread);
    } else {
      // Only after a restart whose store no longer held this follow-up's mention: nothing says what it said, so the
      // episode opens as it did before follow-ups were kept, at the follow-up's id and time but quoting, linking and
      // classified as the answered episode's opening post.
      Mention m = answered.opening();
      Post p = m.post();
      Post followUp = new Post(p.platform(), first.postId(), p.authorId(), p.authorHandle(), p.text(),
          first.createdAt(), p.inReplyToId(), p.conversationId(), p.permalink(), p.language());
      openEpisode(new Mention(m.brand(), m.account(), followUp, m.receivedAt()), answered.classification(),
          answered.conversation(), thread);
    }
    Episode next = openByThread.get(thread);
    for (Episode.Message msg : inOrder.subList(1, inOrder.size())) {
      next.addMessage(msg);
      if (msg.known()) {
        escalateIfMoreUrgent(next, msg.mention(), msg.classification());
      }
      listener.followUp(next, msg.postId());
    }
  }

  /** Recovery: a post known before the restart, so replies and follow-ups to it find their conversation. */
  public void rememberPost(String brand, Platform platform, String postId, String conversation, String customerId,
      Instant createdAt) {
    posts.putIfAbsent(key(platform, postId), new PostInfo(conversation, customerId, createdAt));
    episodesPerConversation.putIfAbsent(threadKey(brand, platform, conversation, ""), 1);
  }

  /**
   * Recovery: a brand reply that was waiting for its parent when the service stopped. Its parent is unknown (it
   * was held in the same transaction that would have resolved it), so it only waits again.
   */
  public void restorePendingReply(Post reply) {
    reply.inReplyToId().ifPresent(parentId -> pendingReplies.put(key(reply.platform(), parentId), reply));
  }

  /**
   * Recovery: an episode that was open when the service stopped. Its unfired deadlines are queued again, so one
   * that passed while the service was down fires once, at the next {@link #fireDue}.
   */
  public void restore(Episode e) {
    open.put(e.id(), e);
    openByThread.put(threadKey(e.brand(), e.platform(), e.conversation(), e.customerId()), e);
    // Its own messages, however old: recovery reloads only a week of posts, and a reply to an older message of an
    // open episode must still find it and close it.
    for (Episode.Message m : e.messages()) {
      rememberPost(e.brand(), e.platform(), m.postId(), e.conversation(), e.customerId(), m.createdAt());
    }
    queueUnfired(e);
    listener.opened(e);
  }

  /** Queues the episode's deadlines under its current policy, except those of levels it already fired. */
  private void queueUnfired(Episode e) {
    for (Level level : List.of(Level.WARNING, Level.BREACH)) {
      if (!e.hasFired(level)) {
        deadline(e, level).ifPresent(at -> deadlines.add(new Deadline(at, e.id(), level)));
      }
    }
  }

  /** Takes the episode's deadlines under its current policy out of the queue. */
  private void unqueue(Episode e) {
    for (Level level : List.of(Level.WARNING, Level.BREACH)) {
      deadline(e, level).ifPresent(d -> deadlines.remove(new Deadline(d, e.id(), level)));
    }
  }

  /** When the episode's {@code level} falls due: its policy's deadline, but not before its settling ends. */
  private Optional<Instant> deadline(Episode e, Level level) {
    Instant settled = settleUntil.get(e.id());
    return e.policy().deadline(e.openedAt(), level)
        .map(d -> settled != null && settled.isAfter(d) ? settled : d);
  }

  /** Fires every deadline at or before {@code now}, each (episode, level) once, earliest first. */
  public void fireDue(Instant now) {
    while (!deadlines.isEmpty() && !deadlines.first().at().isAfter(now)) {
      Deadline d = deadlines.pollFirst();
      Episode e = open.get(d.episodeId());
      if (e == null || e.hasFired(d.level())) {
        continue;
      }
      e.markFired(d.level());
      Duration waited = e.policy().calendar().elapsed(e.openedAt(), now.isAfter(d.at()) ? now : d.at());
      listener.event(SlaEvents.of(e, d.level(), d.at(), waited));
    }
  }

  /** The earliest pending deadline: the one instant the caller's single timer must be armed for. */
  public Optional<Instant> nextDeadline() {
    return deadlines.isEmpty() ? Optional.empty() : Optional.of(deadlines.first().at());
  }

  public Collection<Episode> openEpisodes() {
    return Collections.unmodifiableCollection(open.values());
  }

  public Optional<Episode> openEpisode(String id) {
    return Optional.ofNullable(open.get(id));
  }

  private String conversationOf(Post post) {
    if (post.conversationId().isPresent()) {
      return post.conversationId().get();
    }
    if (post.inReplyToId().isPresent()) {
      PostInfo parent = posts.get(key(post.platform(), post.inReplyToId().get()));
      return parent != null ? parent.conversation() : post.inReplyToId().get();
    }
    return post.id();
  }

  /** Post ids are unique per platform only (X and Mastodon ids are both numeric): every key carries the platform. */
  private static String key(Platform platform, String id) {
    return platform.id() + "\u0000" + id;
  }

  private static String threadKey(String brand, Platform platform, String conversation, String customerId) {
    return brand + "\u0000" + platform.id() + "\u0000" + conversation + "\u0000" + customerId;
  }
}
