package io.replywatch.notify.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.replywatch.notify.Events;
import io.replywatch.notify.FakeReceiver;
import io.replywatch.notify.FakeReceiver.Answer;
import io.replywatch.notify.Notifier;
import io.replywatch.notify.NotifierContract;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeamsNotifierTest extends NotifierContract {

  private static final String WORKFLOW = "4f1c2d7e9a8b4c3d8e7f6a5b4c3d2e1f";
  private static final String SIG = "Zx9Sig-SECRET-abcdefghijklmnop";
  private static final String PATH = "/workflows/" + WORKFLOW + "/triggers/manual/paths/invoke"
      + "?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=" + SIG;

  @Override
  protected Notifier create(Vertx vertx, FakeReceiver fake) {
    return new TeamsNotifier(vertx, fake.url(PATH), new TeamsPayloads(), TIMEOUT, Clock.systemUTC());
  }

  @Override
  protected List<String> secrets() {
    return List.of(WORKFLOW, SIG);
  }

  @Override
  protected int okStatus() {
    return 202;
  }

  @Test
  void shouldPostCardToWorkflowUrl(Vertx vertx, VertxTestContext ctx) {
    FakeReceiver.start(vertx).onComplete(ctx.succeeding(fake -> {
      fake.answer(Answer.status(202));
      create(vertx, fake).send(Events.warning()).onComplete(ctx.succeeding(v -> ctx.verify(() -> {
        assertEquals(PATH, fake.received().get(0).uri());
        assertEquals(new TeamsPayloads().build(Events.warning()), fake.received().get(0).json());
        ctx.completeNow();
      })));
    }));
  }
}
