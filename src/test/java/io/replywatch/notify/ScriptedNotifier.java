package io.replywatch.notify;

import io.replywatch.sla.SlaEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A channel with no HTTP behind it, for driving {@link NotifyVerticle}: records each event it is asked to send
 * (with the service time it was asked at) and answers as scripted, then succeeds once the script is used up.
 */
final class ScriptedNotifier implements Notifier {

  /** One attempt as the notifier saw it. */
  record Attempt(String what, java.time.Instant at) {}

  private final java.time.Clock clock;
  private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
  private final Deque<DeliveryException> script = new ArrayDeque<>();
  private final Map<Integer, Promise<Void>> waiters = new TreeMap<>();

  ScriptedNotifier(java.time.Clock clock) {
    this.clock = clock;
  }

  /** The next attempt fails as a 503 would, with the receiver's {@code Retry-After} if given. */
  ScriptedNotifier thenFail(Optional<Duration> retryAfter) {
    return thenFail(false, retryAfter);
  }

  /** The next attempt fails as a 429 ({@code rateLimited}) or a 503 would, with a {@code Retry-After} if given. */
  ScriptedNotifier thenFail(boolean rateLimited, Optional<Duration> retryAfter) {
    script.add(new DeliveryException("scripted: receiver answered " + (rateLimited ? 429 : 503), true, retryAfter,
        rateLimited));
    return this;
  }

  /** Completes once {@code n} attempts were made. */
  synchronized Future<Void> attempted(int n) {
    if (attempts.size() >= n) {
      return Future.succeededFuture();
    }
    return waiters.computeIfAbsent(n, k -> Promise.promise()).future();
  }

  /** Each attempt as "mention level", e.g. "3kxyzabc2 breach". */
  List<String> sent() {
    return attempts.stream().map(Attempt::what).toList();
  }

  List<Attempt> attempts() {
    return new ArrayList<>(attempts);
  }

  @Override
  public String channel() {
    return "webhook";
  }

  @Override
  public Future<Void> send(SlaEvent event) {
    DeliveryException failure;
    synchronized (this) {
      attempts.add(new Attempt(event.mentionId() + " " + event.level().id(), clock.instant()));
      failure = script.poll();
    }
    Future<Void> answer = failure == null ? Future.succeededFuture() : Future.failedFuture(failure);
    List<Promise<Void>> ready = new ArrayList<>();
    synchronized (this) {
      waiters.entrySet().removeIf(w -> w.getKey() <= attempts.size() && ready.add(w.getValue()));
    }
    ready.forEach(Promise::tryComplete);
    return answer;
  }
}
