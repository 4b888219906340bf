package io.replywatch.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A throwaway HTTP receiver on a loopback port chosen by the OS: records every request and answers as the test
 * scripts it (a status with headers and body, an echo of what it got, or no answer at all).
 */
public final class FakeReceiver {

  /** One request as received. */
  public record Recorded(String method, String uri, Map<String, String> headers, Buffer body) {
    public JsonObject json() {
      return body.toJsonObject();
    }

    public JsonArray jsonArray() {
      return body.toJsonArray();
    }
  }

  /** How to answer. */
  public record Answer(int status, Map<String, String> headers, String body, boolean echo, boolean stalls) {
    public static Answer status(int status) {
      return new Answer(status, Map.of(), "", false, false);
    }

    public static Answer status(int status, Map<String, String> headers) {
      return new Answer(status, headers, "", false, false);
    }

    /** Answers {@code status} with the request's URI and body as its own body (a receiver echoing secrets). */
    public static Answer echo(int status) {
      return new Answer(status, Map.of(), "", true, false);
    }

    public static Answer stall() {
      return new Answer(0, Map.of(), "", false, true);
    }
  }

  private final List<Recorded> received = new CopyOnWriteArrayList<>();
  private volatile Answer answer = Answer.status(200);
  private HttpServer server;

  public static Future<FakeReceiver> start(Vertx vertx) {
    FakeReceiver fake = new FakeReceiver();
    fake.server = vertx.createHttpServer();
    return fake.server.requestHandler(fake::handle).listen(0, "127.0.0.1").map(s -> fake);
  }

  public FakeReceiver answer(Answer answer) {
    this.answer = answer;
    return this;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  public List<Recorded> received() {
    return received;
  }

  public Future<Void> close() {
    return server.close();
  }

  private void handle(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      request.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
      received.add(new Recorded(request.method().name(), request.uri(), headers, body));
      Answer a = answer;
      if (a.stalls()) {
        return;
      }
      request.response().setStatusCode(a.status());
      a.headers().forEach(request.response()::putHeader);
      String text = a.echo() ? request.uri() + " " + body : a.body();
      request.response().end(text);
    });
  }
}
