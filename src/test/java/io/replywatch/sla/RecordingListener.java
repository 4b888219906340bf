package io.replywatch.sla;

import io.replywatch.ingest.Post;
import java.util.ArrayList;
import java.util.List;

/** Records what the tracker reported, in order. */
final class RecordingListener implements SlaListener {
  final List<SlaEvent> events = new ArrayList<>();
  final List<Episode> opened = new ArrayList<>();
  final List<Episode> closed = new ArrayList<>();
  final List<String> held = new ArrayList<>();

  @Override
  public void replyHeld(String brand, Post reply) {
    held.add("held:" + reply.id());
  }

  @Override
  public void replyReleased(Post reply) {
    held.add("released:" + reply.id());
  }

  @Override
  public void opened(Episode episode) {
    opened.add(episode);
  }

  @Override
  public void closed(Episode episode) {
    closed.add(episode);
  }

  @Override
  public void event(SlaEvent event) {
    events.add(event);
  }

  List<String> levels() {
    return events.stream().map(e -> e.level().id() + ":" + e.episodeId()).toList();
  }
}
