package io.replywatch.sla;

import static io.replywatch.testing.Posts.T0;
import static io.replywatch.testing.Posts.as;
import static io.replywatch.testing.Posts.mention;
import static io.replywatch.testing.Posts.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.classify.Category;
import io.replywatch.config.ConfigLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlaTrackerTest {
  private final RecordingListener listener = new RecordingListener();
  private final SlaTracker tracker = new SlaTracker(ConfigLoader.defaultPolicies(), listener);

  @Test
  void shouldWarnAtExactlyThirtyMinutesAndBreachAtExactlySixty() {
    tracker.onMention(mention("m1", "jane", T0, null), as(Category.COMPLAINT));
    assertEquals(Optional.of(T0.plus(Duration.ofMinutes(30))), tracker.nextDeadline());

    tracker.fireDue(T0.plus(Duration.ofMinutes(30)).minusMillis(1));
    assertEquals(List.of(), listener.levels(), "nothing before 30:00");
    tracker.fireDue(T0.plus(Duration.ofMinutes(30)));
    assertEquals(List.of("warning:mastodon-m1"), listener.levels());
    assertEquals(Optional.of(T0.plus(Duration.ofMinutes(60))), tracker.nextDeadline());

    tracker.fireDue(T0.plus(Duration.ofMinutes(60)).minusMillis(1));
    assertEquals(1, listener.events.size(), "no breach before 60:00");
    tracker.fireDue(T0.plus(Duration.ofMinutes(60)));
    assertEquals(List.of("warning:mastodon-m1", "breach:mastodon-m1"), listener.levels());
    SlaEvent breach = listener.events.get(1);
    assertEquals(T0.plus(Duration.ofMinutes(60)), breach.at());
    assertEquals(60, breach.waitedMinutes());
    assertEquals(Optional.empty(), tracker.nextDeadline());
  }

  @Test
  void shouldFireBothAtOnceAndOnlyOnceWhenFirstSeenPastBothTargets() {
    Instant now = T0.plus(Duration.ofMinutes(75));
    tracker.onMention(mention("old", "jane", T0, null), as(Category.COMPLAINT));
    tracker.fireDue(now);
    tracker.fireDue(now);
    tracker.fireDue(now.plusSeconds(3600));
    assertEquals(List.of("warning:mastodon-old", "breach:mastodon-old"), listener.levels());
    assertEquals(75, listener.events.get(1).waitedMinutes(), "the page says how long it really waited");
  }

  @Test
  void shouldResolveWithResponseTimeWhenBrandRepliesAfterAnEvent() {
    tracker.onMention(mention("m1", "jane", T0, null), as(Category.COMPLAINT));
    tracker.fireDue(T0.plus(Duration.ofMinutes(31)));
    tracker.onBrandReply("acme", post("r1", "acme", T0.plus(Duration.ofMinutes(72)), "m1"));
    assertEquals(List.of("warning:mastodon-m1", "resolved:mastodon-m1"), listener.levels());
    assertEquals(72, listener.events.get(1).waitedMinutes());
    assertEquals(Optional.empty(), listener.events.get(1).closedAs(), "answered");
    tracker.fireDue(T0.plus(Duration.ofHours(5)));
    assertEquals(2, listener.events.size(), "a closed episode never breaches");
  }

  @Test
  void shouldNotAlertWhenAnsweredBeforeTheDeadlineEvenIfSeenLate() {
    tracker.onMention(mention("m1", "jane", T0, null), as(Category.COMPLAINT));
    tracker.onBrandReply("acme", post("r1", "acme", T0.plus(Duration.ofMinutes(90)), "m1"));
    tracker.fireDue(T0.plus(Duration.ofHours(3)));
    assertEquals(List.of(), listener.levels(), "a backfill that is already answered sends nothing");
    assertEquals(Optional.of(Duration.ofMinutes(90)), listener.closed.get(0).responseTime());
  }

  /** The store keeps exactly what the tracker holds: it hears of every reply held and of every one let go. */
  @Test
  void shouldReportAReplyHeldForItsParentAndReleasedWhenTheParentArrives() {
    tracker.onBrandReply("acme", post("r1", "acme", T0.plus(Duration.ofMinutes(10)), "m1"));
    assertEquals(List.of("held:r1"), listener.held);
    tracker.onMention(mention("m1", "jane", T0, null), as(Category.COMPLAINT));
    assertEquals(List.of("held:r1", "released:r1"), listener.held);
    assertEquals(Optional.of(Duration.ofMinutes(10)), listener.closed.get(0).responseTime());
  }

  @Test
  void shouldReleaseTheOldestHeldReplyWhenTooManyWait() {
    for (int i = 0; i <= 100_000; i++) {
      tracker.onBrandReply("acme", post("r" + i, "acme", T0, "m" + i));
    }
    assertEquals(List.of("released:r0", "held:r100000"), listener.held.subList(listener.held.size() - 2,
        listener.held.size()));
    assertEquals(100_002, listener.held.size());
  }

  @Test
  void shouldCloseAtOnceWhenARestoredHeldReplyFindsItsParent() {
    tracker.restorePendingReply(post("r1", "acme", T0.plus(Duration.ofMinutes(10)), "m1"));
    tracker.onMention(mention("m1", "jane", T0, null), as(Category.COMPLAINT));
    tracker.fireDue(T0.plus(Duration.ofHours(2)));
    assertEquals(List.of(), listener.levels(), "no warning, no page");
    assertEquals(Optional.of(Duration.ofMinutes(10)), listener.closed.get(0).responseTime());
    assertEquals(List.of("released:r1"), listener.held, "the store row goes with it");
  }

  @ParameterizedTest(name = "{0} is measured but never alerted")
  @CsvSource({"PRAISE", "NEUTRAL"})
  void shouldNeverAlertForMeasuredOnlyCategories(Category category) {
    tracker.onMention(mention("m1", "jane", T0, null), as(category));
    assertEquals(Optional.empty(), tracker.nextDeadline());
    tracker.onBrandReply("acme", post("r1", "acme", T0.plus(Duration.ofMinutes(200)), "m1"));
    assertEquals(List.of(), listener.levels());
    assertEquals(Optional.of(Duration.ofMinutes(200)), listener.closed.get(0).responseTime());
  }

  @Test
  void shouldTreatAFollowUpAsPartOfTheOpenEpisode() {
    tracker.onMention(mention("m1", "jane", T0, null), as(Category.COMPLAINT));
    tracker.onMention(mention("m2", "jane", T0.plus(Duration.ofMinutes(10)), "m1"), as(Category.COMPLAINT));
    assertEquals(1, tracker.openEpisodes().size());
    tracker.fireDue(T0.plus(Duration.ofMinutes(30)));
    assertEquals(List.of("warning:mastodon-m1"), listener.levels(), "the clock runs from the first message");
  }

  @Test
  void shouldOpenANextEpisodeForAMessageAfterTheReply() {
    tracker.onMention(mention("m1", "jane", T0, null), as(Category.QUESTION));
    tracker.onBrandReply("acme", post("r1", "acme", T0.plus(Duration.ofMinutes(5)), "m1"));
    tracker.onMention(mention("m2", "jane", T0.plus(Duration.ofMinutes(20)), "r1"), as(Category.COMPLAINT));
    assertEquals(2, listener.opened.size());
    Episode next = listener.opened.get(1);
    assertFalse(next.isFirst(), "the second episode of a conversation gives the next response time");
    assertEquals("m1", next.conversation());
    tracker.fireDue(T0.plus(Duration.ofMinutes(50)));
    assertEquals(List.of("warning:mastodon-m2"), listener.levels());
  }

  @Test
  void shouldSplitTheEpisodeWhenALateReplyPrecedesAFollowUp() {
    tracker.onMention(mention("m1", "jane", T0, null), as(Category.COMPLAINT));
    tracker.onMention(mention("m2", "jane", T0.plus(Duration.ofMinutes(20)), "m1"), as(Category.COMPLAINT));
    tracker.onBrandReply("acme", post("r1", "acme", T0.plus(Duration.ofMinutes(10)), "m1"));
    assertEquals(Optional.of(Duration.ofMinutes(10)), listener.closed.get(0).responseTime());
    assertEquals(1, tracker.openEpisodes().size());
    assertEquals(T0.plus(Duration.ofMinutes(20)), tracker.openEpisodes().iterator().next().openedAt());
  }

  @Test
  void shouldCloseOnlyTheAnsweredCustomerWhenTwoShareAThread() {
    tracker.onMention(mention("a1", "ann", T0, null), as(Category.COMPLAINT));
    tracker.onMention(mention("b1", "bob", T0.plus(Duration.ofMinutes(1)), "a1"), as(Category.COMPLAINT));
    tracker.onBrandReply("acme", post("r1", "acme", T0.plus(Duration.ofMinutes(5)), "a1"));
    assertEquals(1, tracker.openEpisodes().size());
    assertEquals("mastodon-b1", tracker.openEpisodes().iterator().next().id());
  }

  @Test
  void shouldClampResponseTimeToZeroWhenTheReplyPrecedesTheMention() {
    tracker.onBrandReply("acme", post("r1", "acme", T0.minusSeconds(20), "m1"));
    tracker.onMention(mention("m1", "jane", T0, null), as(Category.COMPLAINT));
    assertTrue(tracker.openEpisodes().isEmpty(), "the reply seen first still closes the episode");
    assertEquals(Optional.of(Duration.ZERO), listener.closed.get(0).responseTime());
  }

  /**
   * A brand with two accounts on one platform: a mention read already overdue (a backfill) waits one settling
   * period, in which the other account's poller reads its reply, so on-call is not paged and resolved a second later.
   */
  @Test
  void shouldHoldAnOverdueMentionWhileTheBrandsOtherAccountIsRead() {
    SlaTracker settling = new SlaTracker(ConfigLoader.defaultPolicies(), listener, (b, p) -> Duration.ofSeconds(45));
    Instant read = T0.plus(Duration.ofMinutes(65));
    settling.onMention(new io.replywatch.ingest.Mention("acme", "acme", post("m1", "jane", T0, null), read),
        as(Category.COMPLAINT));
    settling.fireDue(read);
    assertEquals(List.of(), listener.levels(), "held while the other account is read");
    assertEquals(Optional.of(read.plusSeconds(45)), settling.nextDeadline());
    settling.onBrandReply("acme", post("r1", "acmecare", T0.plus(Duration.ofMinutes(20)), "m1"));
    settling.fireDue(read.plusSeconds(45));
    assertEquals(List.of(), listener.levels(), "answered by the other account: nothing fires");
    assertEquals(Optional.empty(), settling.nextDeadline(), "its held deadlines left the queue");
  }

  @Test
  void shouldFireAnOverdueMentionWhenSettlingEndsWithoutAReplyAndNotDelayOneReadInTime() {
    SlaTracker settling = new SlaTracker(ConfigLoader.defaultPolicies(), listener, (b, p) -> Duration.ofSeconds(45));
    Instant read = T0.plus(Duration.ofMinutes(65));
    settling.onMention(new io.replywatch.ingest.Mention("acme", "acme", post("m1", "jane", T0, null), read),
        as(Category.COMPLAINT));
    settling.onMention(new io.replywatch.ingest.Mention("acme", "acme", post("m2", "omar", read, null), read),
        as(Category.COMPLAINT));
    settling.fireDue(read.plusSeconds(44));
    assertEquals(List.of(), listener.levels());
    settling.fireDue(read.plusSeconds(45));
    assertEquals(List.of("warning:mastodon-m1", "breach:mastodon-m1"), listener.levels());
    assertEquals(Duration.ofMinutes(65).plusSeconds(45), listener.events.get(1).waited(),
        "how long it had really waited when paged");
    assertEquals(Optional.of(read.plus(Duration.ofMinutes(30))), settling.nextDeadline(),
        "a mention read in time warns at exactly 30 minutes");
  }

  @Test
  void shouldIgnoreTheSamePostTwice() {
    tracker.onMention(mention("m1", "jane", T0, null), as(Category.COMPLAINT));
    tracker.onMention(mention("m1", "jane", T0, null), as(Category.COMPLAINT));
    assertEquals(1, listener.opened.size());
  }

  @Test
  void shouldCloseByHandAndResolveOnlyWhenAnEventFired() {
    tracker.onMention(mention("m1", "jane", T0, null), as(Category.COMPLAINT));
    tracker.onMention(mention("m2", "bob", T0, null), as(Category.COMPLAINT));
    tracker.fireDue(T0.plus(Duration.ofMinutes(40)));
    tracker.closeByHand("mastodon-m1", "answered by phone", T0.plus(Duration.ofMinutes(45)));
    assertEquals(Optional.of("answered by phone"), listener.closed.get(0).closeReason());
    assertTrue(listener.levels().contains("resolved:mastodon-m1"));
    SlaEvent resolved = listener.events.get(listener.events.size() - 1);
    assertEquals(Optional.of("answered by phone"), resolved.closedAs(), "not answered on the platform: said so");
    assertEquals(Optional.empty(), tracker.closeByHand("nope", "x", T0));
  }

  @Test
  void shouldStopTheClockOutsideBusinessHoursWhenThePolicyHasACalendar() {
    var cal = new io.replywatch.config.ReplywatchConfig.Calendar("eu", java.time.ZoneId.of("Europe/Berlin"),
        java.util.Map.of(java.time.DayOfWeek.FRIDAY, List.of(new io.replywatch.sla.calendar.Window(
            java.time.LocalTime.of(9, 0), java.time.LocalTime.of(18, 0), false)),
            java.time.DayOfWeek.MONDAY, List.of(new io.replywatch.sla.calendar.Window(
            java.time.LocalTime.of(9, 0), java.time.LocalTime.of(18, 0), false))),
        java.util.Set.of());
    var policy = new io.replywatch.config.ReplywatchConfig.Policy(java.util.Set.of(), java.util.Set.of(),
        java.util.Set.of(), Optional.of(Duration.ofMinutes(30)), Optional.of(Duration.ofMinutes(60)), Optional.of(cal));
    SlaTracker hours = new SlaTracker(List.of(policy), listener);
    Instant friday1750 = Instant.parse("2026-11-20T16:50:00Z");
    hours.onMention(mention("m1", "jane", friday1750, null), as(Category.COMPLAINT));
    Instant monday0920 = Instant.parse("2026-11-23T08:20:00Z");
    assertEquals(Optional.of(monday0920), hours.nextDeadline());
    hours.fireDue(monday0920.minusMillis(1));
    assertEquals(List.of(), listener.levels(), "no warning over the weekend");
    hours.fireDue(monday0920.plusSeconds(60));
    assertEquals(List.of("warning:mastodon-m1"), listener.levels());
    assertEquals(31, listener.events.get(0).waitedMinutes(), "waited counts business time only");
    assertEquals(Optional.of(Instant.parse("2026-11-23T08:50:00Z")), hours.nextDeadline());
  }

  @Test
  void shouldCloseTheCurrentEpisodeWhenTheBrandRepliesToAnOlderMessageOfTheThread() {
    tracker.onMention(mention("m1", "jane", T0, null), as(Category.COMPLAINT));
    tracker.onBrandReply("acme", post("r1", "acme", T0.plus(Duration.ofMinutes(5)), "m1"));
    tracker.onMention(mention("m2", "jane", T0.plus(Duration.ofMinutes(10)), "r1"), as(Category.COMPLAINT));
    tracker.onBrandReply("acme", post("r2", "acme", T0.plus(Duration.ofMinutes(25)), "m1"));
    assertTrue(tracker.openEpisodes().isEmpty(), "a reply quoting m1 still answers jane's newer message");
    assertEquals(Optional.of(Duration.ofMinutes(15)), listener.closed.get(1).responseTime());
  }

  @Test
  void shouldNotCountPostsOfAutomatedBrandAccounts() {
    var brand = new io.replywatch.config.ReplywatchConfig.Brand("acme", List.of(), java.util.Set.of("acmebot", "77"),
        List.of());
    var human = post("r1", "acme", T0, "m1");
    var bot = new io.replywatch.ingest.Post(human.platform(), "r2", "77", "acmebot@example.social", "Thanks! We'll get back to you.",
        T0, Optional.of("m1"), Optional.empty(), "https://x/r2", Optional.empty());
    var botByHandle = new io.replywatch.ingest.Post(human.platform(), "r3", "78", "acmebot", "Auto-reply", T0,
        Optional.of("m1"), Optional.empty(), "https://x/r3", Optional.empty());
    assertEquals(List.of(human), SlaVerticle.countedReplies(brand, List.of(human, bot, botByHandle)));
  }

  @Test
  void shouldTellThePostsOfTheBrandsOtherAccountsFromCustomers() {
    var help = new io.replywatch.config.ReplywatchConfig.Account(io.replywatch.config.Platform.MASTODON, "10",
        "acmehelp", new io.replywatch.config.Secret("t"));
    var care = new io.replywatch.config.ReplywatchConfig.Account(io.replywatch.config.Platform.MASTODON, "11",
        "acmecare", new io.replywatch.config.Secret("t"));
    var brand = new io.replywatch.config.ReplywatchConfig.Brand("acme", List.of(help, care), java.util.Set.of(),
        List.of());
    var byCare = new io.replywatch.ingest.Post(io.replywatch.config.Platform.MASTODON, "p1", "11", "AcmeCare",
        "@acmehelp passing this one to you", T0, Optional.empty(), Optional.empty(), "https://x/p1",
        Optional.empty());
    var sameIdOnX = new io.replywatch.ingest.Post(io.replywatch.config.Platform.X, "p2", "11", "someone",
        "@acmehelp hi", T0, Optional.empty(), Optional.empty(), "https://x/p2", Optional.empty());
    assertTrue(brand.wrote(byCare.platform(), byCare.authorId(), byCare.authorHandle()), "the brand's other account, by id or handle");
    assertFalse(brand.wrote(sameIdOnX.platform(), sameIdOnX.authorId(), sameIdOnX.authorHandle()), "an account id means nothing on another platform");
    assertFalse(brand.wrote(io.replywatch.config.Platform.MASTODON, "jane", "jane@example.social"));
  }

  @Test
  void shouldKeepTheSameIdOnTwoPlatformsApart() {
    var onX = new io.replywatch.ingest.Mention("acme", "acme", new io.replywatch.ingest.Post(
        io.replywatch.config.Platform.X, "m1", "jane", "jane", "help", T0, Optional.empty(), Optional.empty(),
        "https://x.com/jane/status/m1", Optional.empty()), T0);
    tracker.onMention(mention("m1", "jane", T0, null), as(Category.COMPLAINT));
    tracker.onMention(onX, as(Category.COMPLAINT));
    assertEquals(2, tracker.openEpisodes().size(), "X's m1 is not Mastodon's m1");
    tracker.onBrandReply("acme", post("r1", "acme", T0.plus(Duration.ofMinutes(3)), "m1"));
    assertEquals(List.of("x-m1"), tracker.openEpisodes().stream().map(Episode::id).toList(),
        "a Mastodon reply answers only the Mastodon mention");
  }

  @Test
  void shouldAnswerOnlyItsOwnPlatformWhenReplyingToABrandPost() {
    var onX = new io.replywatch.ingest.Mention("acme", "acme", new io.replywatch.ingest.Post(
        io.replywatch.config.Platform.X, "5", "c1", "c1", "help", T0, Optional.empty(), Optional.empty(),
        "https://x.com/c1/status/5", Optional.empty()), T0);
    tracker.onMention(onX, as(Category.COMPLAINT));
    tracker.onMention(mention("5", "c9", T0.plusSeconds(60), null), as(Category.COMPLAINT));
    tracker.onBrandReply("acme", post("6", "acme", T0.plusSeconds(120), "5"));
    tracker.onMention(mention("7", "c9", T0.plusSeconds(180), "6"), as(Category.COMPLAINT));
    // A reply to the brand's own Mastodon post: it answers the Mastodon thread, not X's conversation "5"
    tracker.onBrandReply("acme", post("8", "acme", T0.plusSeconds(240), "6"));
    assertEquals(List.of("x-5"), tracker.openEpisodes().stream().map(Episode::id).toList());
  }

  @Test
  void shouldCloseARestoredEpisodeWhoseMessagesAreOlderThanTheRecoveredPosts() {
    // Recovery reloads a week of posts; this episode opened ten days before the restart, with a follow-up
    Instant opened = T0.minus(Duration.ofDays(10));
    Episode restored = Episode.restored(mention("m1", "jane", opened, null), as(Category.NEUTRAL), "m1",
        SlaPolicy.resolve(ConfigLoader.defaultPolicies(), "acme", io.replywatch.config.Platform.MASTODON,
            Category.NEUTRAL), true, List.of("m1", "m2"), List.of(opened, opened.plusSeconds(60)),
        java.util.Set.of());
    tracker.restore(restored);
    tracker.onBrandReply("acme", post("r1", "acme", T0, "m2"));
    assertTrue(tracker.openEpisodes().isEmpty(), "the reply to its follow-up closes it");
  }

  @Test
  void shouldCloseEveryCustomerOfTheThreadWhenTheBrandRepliesToItsOwnOpeningPost() {
    // The brand's announcement starts the thread; customers complain under it; the brand answers under it
    tracker.onBrandReply("acme", post("p0", "acme", T0, null));
    tracker.onMention(mention("m1", "jane", T0.plusSeconds(60), "p0"), as(Category.COMPLAINT));
    tracker.onMention(mention("m2", "bob", T0.plusSeconds(120), "p0"), as(Category.COMPLAINT));
    tracker.onBrandReply("acme", post("r1", "acme", T0.plusSeconds(600), "p0"));
    assertEquals(List.of(), tracker.openEpisodes().stream().map(Episode::id).toList());
    tracker.fireDue(T0.plus(Duration.ofHours(2)));
    assertEquals(List.of(), listener.levels(), "answered in the thread: no warning, no page");
  }

  @Test
  void shouldNotLetALateSeenReplyToABrandPostCloseAnEpisodeOpenedAfterIt() {
    tracker.onBrandReply("acme", post("p0", "acme", T0, null));
    tracker.onMention(mention("m1", "jane", T0.plusSeconds(600), "p0"), as(Category.COMPLAINT));
    // Written before jane's complaint, read after it (a slow page, a reply held for its parent)
    tracker.onBrandReply("acme", post("r1", "acme", T0.plusSeconds(300), "p0"));
    assertEquals(List.of("mastodon-m1"), tracker.openEpisodes().stream().map(Episode::id).toList());
    assertEquals(List.of(), listener.closed, "not closed with none of its messages and opened again");
    tracker.fireDue(T0.plus(Duration.ofMinutes(40)));
    assertEquals(List.of("warning:mastodon-m1"), listener.levels(), "her clock runs from 10 minutes on");
  }

  @Test
  void shouldHandleAReplyToABrandPostSeenBeforeThatPost() {
    tracker.onMention(mention("m1", "jane", T0, null), as(Category.COMPLAINT));
    tracker.onBrandReply("acme", post("r2", "acme", T0.plusSeconds(300), "r1"));
    assertEquals(List.of("held:r2"), listener.held);
    tracker.onBrandReply("acme", post("r1", "acme", T0.plusSeconds(200), "m1"));
    assertEquals(List.of("held:r2", "released:r2"), listener.held, "the store row goes once r1 is known");
    assertTrue(tracker.openEpisodes().isEmpty());
  }

  @Test
  void shouldNotCountAnAutomatedAccountWhoseHandleIsWrittenInAnotherCase() {
    var brand = new io.replywatch.config.ReplywatchConfig.Brand("acme", List.of(), java.util.Set.of("AcmeBot"),
        List.of());
    var bot = new io.replywatch.ingest.Post(io.replywatch.config.Platform.X, "r1", "900", "acmebot",
        "Thanks for reaching out! We'll get back to you.", T0, Optional.of("m1"), Optional.empty(), "https://x/r1",
        Optional.empty());
    assertEquals(List.of(), SlaVerticle.countedReplies(brand, List.of(bot)));
  }
}
