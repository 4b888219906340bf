package io.replywatch.replay;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code replay} prints: one row per brand and platform and a {@code *} total row as a table, or as JSON
 * {@code {"<brand>": {figures..., "platforms": {"<platform>": {figures...}}}, "*": {figures...}}}, where a
 * brand's own figures are summed over its platforms.
 */
public final class ReplayReport {
  private final Map<Replayer.Key, ReplayStats> rows;
  private final long mentions;
  private final long replies;
  private final long automatedPosts;

  ReplayReport(Map<Replayer.Key, ReplayStats> rows, long mentions, long replies, long automatedPosts) {
    this.rows = rows;
    this.mentions = mentions;
    this.replies = replies;
    this.automatedPosts = automatedPosts;
  }

  /** Customer mentions replayed (the throughput unit of the bench). */
  public long mentions() {
    return mentions;
  }

  /** Brand posts replayed as reply candidates. */
  public long replies() {
    return replies;
  }

  /** Brand posts left out because an automated account wrote them (they never count as replies). */
  public long automatedPosts() {
    return automatedPosts;
  }

  public Map<Replayer.Key, ReplayStats> rows() {
    return rows;
  }

  public ReplayStats total() {
    ReplayStats total = new ReplayStats();
    rows.values().forEach(total::add);
    return total;
  }

  public ReplayStats brand(String brand) {
    ReplayStats s = new ReplayStats();
    rows.forEach((k, v) -> {
      if (k.brand().equals(brand)) {
        s.add(v);
      }
    });
    return s;
  }

  public JsonObject json() {
    JsonObject root = new JsonObject();
    rows.keySet().stream().map(Replayer.Key::brand).distinct().forEach(brand -> {
      JsonObject b = json(brand(brand));
      JsonObject platforms = new JsonObject();
      rows.forEach((k, v) -> {
        if (k.brand().equals(brand)) {
          platforms.put(k.platform().id(), json(v));
        }
      });
      root.put(brand, b.put("platforms", platforms));
    });
    return root.put("*", json(total()));
  }

  private static JsonObject json(ReplayStats s) {
    JsonObject o = new JsonObject();
    s.figures().forEach(o::put);
    return o;
  }

  public String table() {
    List<String> names = List.copyOf(total().figures().keySet());
    StringBuilder sb = new StringBuilder(String.format("%-20s %-9s", "brand", "platform"));
    names.forEach(n -> sb.append(' ').append(String.format("%" + n.length() + "s", n)));
    sb.append('\n');
    Map<String, ReplayStats> lines = new LinkedHashMap<>();
    rows.forEach((k, v) -> lines.put(String.format("%-20s %-9s", k.brand(), k.platform().id()), v));
    lines.put(String.format("%-20s %-9s", "*", "*"), total());
    lines.forEach((label, s) -> {
      sb.append(label);
      s.figures().forEach((n, v) -> sb.append(' ').append(String.format("%" + n.length() + "s", format(v))));
      sb.append('\n');
    });
    return sb.toString().stripTrailing();
  }

  private static String format(Number v) {
    if (v == null) {
      return "-";
    }
    double d = v.doubleValue();
    return d == Math.rint(d) ? Long.toString((long) d) : String.format("%.1f", d);
  }
}
