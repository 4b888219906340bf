package io.replywatch.sla;

import static io.replywatch.testing.Posts.T0;
import static io.replywatch.testing.Posts.as;
import static io.replywatch.testing.Posts.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.classify.Category;
import io.replywatch.classify.Classification;
import io.replywatch.config.ConfigLoader;
import io.replywatch.config.Platform;
import io.replywatch.ingest.Mention;
import io.replywatch.ingest.Post;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A brand reply that answers only the earlier messages of an episode (a late-arriving reply, stamped before a
 * follow-up) closes it, and the later follow-ups open the next episode (product.md §2). That episode is the later
 * messages' own: it quotes, links and is classified by the first of them, and a more urgent one escalates it.
 */
class SplitEpisodeTest {
  private static final Duration MIN = Duration.ofMinutes(1);

  private final RecordingListener listener = new RecordingListener();
  private final SlaTracker tracker = new SlaTracker(ConfigLoader.defaultPolicies(), listener);

  private static Instant t(int minutes) {
    return T0.plus(MIN.multipliedBy(minutes));
  }

  static Mention said(String id, String text, Instant at, String inReplyTo) {
    Post p = post(id, "jane", at, inReplyTo);
    return new Mention("acme", "acme", new Post(p.platform(), p.id(), p.authorId(), p.authorHandle(), text,
        p.createdAt(), p.inReplyToId(), p.conversationId(), p.permalink(), Optional.of("de")), at.plusSeconds(3));
  }

  private Episode onlyOpen() {
    assertEquals(1, tracker.openEpisodes().size());
    return tracker.openEpisodes().iterator().next();
  }

  @Test
  void shouldOpenTheNextEpisodeFromTheFollowUpTheLateReplyDidNotAnswer() {
    Classification broken = new Classification(Category.COMPLAINT, -0.9, 0.77, "en", false);
    tracker.onMention(said("m1", "where is my order", T0, null), as(Category.QUESTION));
    tracker.onMention(said("m2", "it arrived broken", t(20), "m1"), broken);
    // The reply to m1, written at 10 minutes, arrives after m2: it answered m1 only
    tracker.onBrandReply("acme", post("r1", "acme", t(10), "m1"));

    assertEquals(List.of("mastodon-m1"), listener.closed.stream().map(Episode::id).toList());
    Episode next = onlyOpen();
    assertEquals("mastodon-m2", next.id());
    assertEquals(t(20), next.openedAt());
    assertEquals("it arrived broken", next.opening().post().text());
    assertEquals(Optional.of("de"), next.opening().post().language());
    assertEquals(Optional.of("m1"), next.opening().post().inReplyToId(), "m2's own parent, as it was posted");
    assertEquals(t(20).plusSeconds(3), next.opening().receivedAt());
    assertEquals(broken, next.classification(), "m2's classification, not the answered question's");
    assertEquals(Optional.empty(), next.escalation());
    assertEquals(List.of("m2"), next.messages().stream().map(Episode.Message::postId).toList());

    tracker.fireDue(t(50));
    assertEquals(List.of("warning:mastodon-m2"), listener.levels(), "30 minutes from m2");
    SlaEvent warning = listener.events.get(0);
    assertEquals("it arrived broken", warning.text(), "the alert quotes the unanswered message");
    assertEquals("https://example.social/@jane/m2", warning.permalink());
    assertEquals("m2", warning.mentionId());
    assertEquals(Category.COMPLAINT, warning.category());
    assertEquals(0.77, warning.confidence());
  }

  @Test
  void shouldLeaveTheAnsweredEpisodesEscalationWithTheMessagesItAnswered() {
    tracker.onMention(said("m1", "hi", T0, null), as(Category.NEUTRAL));
    tracker.onMention(said("m2", "my order arrived broken", t(5), "m1"), as(Category.COMPLAINT));
    tracker.onMention(said("m3", "ah, found the spare part in the box", t(20), "m1"), as(Category.NEUTRAL));
    tracker.onBrandReply("acme", post("r1", "acme", t(10), "m2"));

    assertEquals(Category.COMPLAINT, listener.closed.get(0).classification().category(), "m2 escalated it");
    Episode next = onlyOpen();
    assertEquals("mastodon-m3", next.id());
    assertEquals(Category.NEUTRAL, next.classification().category(), "m3 is neutral: the complaint was answered");
    assertEquals(Optional.empty(), next.escalation());
    assertEquals(Optional.empty(), tracker.nextDeadline(), "neutral: measured, never alerted");
    tracker.fireDue(t(200));
    assertEquals(List.of(), listener.levels());
  }

  @Test
  void shouldEscalateTheNextEpisodeWhenAComplaintFollowsANeutralMessageInIt() {
    tracker.onMention(said("m1", "where is my order", T0, null), as(Category.QUESTION));
    tracker.onMention(said("m2", "it came today", t(20), "m1"), as(Category.NEUTRAL));
    tracker.onMention(said("m3", "and it is broken, I want a refund", t(25), "m1"), as(Category.COMPLAINT));
    tracker.onBrandReply("acme", post("r1", "acme", t(10), "m1"));

    Episode next = onlyOpen();
    assertEquals("mastodon-m2", next.id());
    assertEquals(Category.COMPLAINT, next.classification().category());
    assertEquals("m3", next.escalation().orElseThrow().by().post().id());
    assertEquals(List.of("m2", "m3"), next.messages().stream().map(Episode.Message::postId).toList());
    assertEquals(Optional.of(t(50)), tracker.nextDeadline(), "30 minutes from m2, the first unanswered message");

    tracker.fireDue(t(80));
    assertEquals(List.of("warning:mastodon-m2", "breach:mastodon-m2"), listener.levels());
    SlaEvent page = listener.events.get(1);
    assertEquals(Category.COMPLAINT, page.category());
    assertEquals("and it is broken, I want a refund", page.text(), "an escalated episode quotes the complaint");
    assertEquals("https://example.social/@jane/m3", page.permalink());
    assertEquals("m2", page.mentionId());
  }

  @Test
  void shouldOpenFromTheEarliestLaterMessageWhateverOrderTheyArrivedIn() {
    tracker.onMention(said("m1", "where is my order", T0, null), as(Category.QUESTION));
    tracker.onMention(said("m3", "hello?", t(30), "m1"), as(Category.NEUTRAL));
    tracker.onMention(said("m2", "it arrived broken", t(20), "m1"), as(Category.COMPLAINT));
    tracker.onBrandReply("acme", post("r1", "acme", t(10), "m1"));

    Episode next = onlyOpen();
    assertEquals("mastodon-m2", next.id());
    assertEquals(t(20), next.openedAt());
    assertEquals(Category.COMPLAINT, next.classification().category(), "the neutral m3 does not lower it");
    assertEquals(List.of("m2", "m3"), next.messages().stream().map(Episode.Message::postId).toList());
  }

  @Test
  void shouldSplitARestoredEpisodeFromItsFollowUpsStoredMention() {
    Mention broken = said("m2", "it arrived broken", t(20), "m1");
    Episode restored = Episode.restored(said("m1", "where is my order", T0, null), as(Category.QUESTION), "m1",
        SlaPolicy.resolve(ConfigLoader.defaultPolicies(), "acme", Platform.MASTODON, Category.QUESTION), true,
        List.of("m1", "m2"), List.of(T0, t(20)), Map.of("m2", new Episode.FollowUp(broken, as(Category.COMPLAINT))),
        Set.of());
    tracker.restore(restored);
    tracker.onBrandReply("acme", post("r1", "acme", t(10), "m1"));

    Episode next = onlyOpen();
    assertEquals("mastodon-m2", next.id());
    assertEquals(broken, next.opening());
    assertEquals(Category.COMPLAINT, next.classification().category());
  }

  @Test
  void shouldFallBackToTheAnsweredOpeningWhenAFollowUpsMentionIsUnknown() {
    // A store that no longer holds m2's mention: the next episode can only take the answered opening's text
    Episode restored = Episode.restored(said("m1", "where is my order", T0, null), as(Category.QUESTION), "m1",
        SlaPolicy.resolve(ConfigLoader.defaultPolicies(), "acme", Platform.MASTODON, Category.QUESTION), true,
        List.of("m1", "m2"), List.of(T0, t(20)), Set.of());
    tracker.restore(restored);
    tracker.onBrandReply("acme", post("r1", "acme", t(10), "m1"));

    Episode next = onlyOpen();
    assertEquals("mastodon-m2", next.id());
    assertEquals(t(20), next.openedAt());
    assertEquals("where is my order", next.opening().post().text());
    assertEquals(Category.QUESTION, next.classification().category());
    assertTrue(next.isOpen());
  }
}
