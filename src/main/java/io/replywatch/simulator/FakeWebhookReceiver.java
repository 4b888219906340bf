package io.replywatch.simulator;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * A webhook receiver on a loopback port (Slack, Teams, generic webhook): records every body it accepts and can be
 * told to answer the next requests with an error status (500, 429 with {@code Retry-After}) or not at all (a
 * stall). Answers Slack's {@code 200 ok} otherwise.
 */
public final class FakeWebhookReceiver extends VerticleBase {

  /** A scripted answer: a status code (with optional Retry-After seconds), or a stall when status is 0. */
  public record Answer(int status, String retryAfter) {
    public static Answer stall() {
      return new Answer(0, null);
    }
  }

  private final List<JsonObject> accepted = new CopyOnWriteArrayList<>();
  private final BlockingQueue<JsonObject> arrivals = new LinkedBlockingQueue<>();
  private final Deque<Answer> script = new ArrayDeque<>();
  private final Consumer<JsonObject> onAccept;
  private HttpServer server;
  private volatile int requests;
  private volatile int downStatus;

  public FakeWebhookReceiver() {
    this(b -> {});
  }

  public FakeWebhookReceiver(Consumer<JsonObject> onAccept) {
    this.onAccept = onAccept;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.post("/*").handler(BodyHandler.create(false).setBodyLimit(1 << 20)).handler(this::receive);
    return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").onSuccess(s -> server = s);
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  /** The next requests get these answers, in order, before normal service resumes. */
  public void answerNext(Answer... answers) {
    synchronized (script) {
      script.addAll(List.of(answers));
    }
  }

  /** Answers every request with {@code status} (say 503) until {@link #up}: an outage. */
  public void down(int status) {
    downStatus = status;
  }

  public void up() {
    downStatus = 0;
  }

  public List<JsonObject> accepted() {
    return List.copyOf(accepted);
  }

  /** Accepted bodies in arrival order, for tests that wait for the next one with a timeout. */
  public BlockingQueue<JsonObject> arrivals() {
    return arrivals;
  }

  public int requests() {
    return requests;
  }

  private void receive(RoutingContext ctx) {
    requests++;
    if (downStatus != 0) {
      ctx.response().setStatusCode(downStatus).end("<html>service unavailable</html>");
      return;
    }
    Answer answer;
    synchronized (script) {
      answer = script.poll();
    }
    if (answer != null && answer.status() == 0) {
      return;
    }
    if (answer != null) {
      if (answer.retryAfter() != null) {
        ctx.response().putHeader("Retry-After", answer.retryAfter());
      }
      ctx.response().setStatusCode(answer.status()).end(answer.status() == 429 ? "rate_limited" : "rollup_error");
      return;
    }
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      ctx.response().setStatusCode(400).end("invalid_payload");
      return;
    }
    accepted.add(body);
    arrivals.add(body);
    onAccept.accept(body);
    ctx.response().setStatusCode(200).end("ok");
  }
}
