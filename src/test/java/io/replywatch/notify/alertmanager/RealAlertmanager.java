package io.replywatch.notify.alertmanager;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A real Alertmanager process (Debian package {@code prometheus-alertmanager}) on a free loopback port, with HA
 * clustering off and its own storage directory, for integration tests.
 */
final class RealAlertmanager implements AutoCloseable {

  private static final List<String> CANDIDATES = List.of("/usr/bin/prometheus-alertmanager", "/usr/bin/alertmanager",
      "/usr/local/bin/alertmanager");

  private final Process process;
  private final int port;
  private final Path log;

  private RealAlertmanager(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** The binary: {@code $ALERTMANAGER_BIN}, else the Debian or upstream install paths. */
  static Optional<Path> binary() {
    String env = System.getenv("ALERTMANAGER_BIN");
    Stream<String> paths = env == null || env.isBlank() ? CANDIDATES.stream()
        : Stream.concat(Stream.of(env), CANDIDATES.stream());
    return paths.map(Path::of).filter(Files::isExecutable).findFirst();
  }

  /**
   * The shipped config with every receiver replaced by a webhook to {@code receiverBase + "/" + name} and the
   * group timers shortened so a test sees notifications within seconds. Routes and inhibit rules are unchanged.
   */
  static JsonObject testConfig(Path shipped, String receiverBase) throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> yaml = new ObjectMapper(new YAMLFactory()).readValue(shipped.toFile(), Map.class);
    JsonObject config = new JsonObject(yaml);
    JsonArray receivers = new JsonArray();
    for (Object r : config.getJsonArray("receivers")) {
      String name = ((JsonObject) r).getString("name");
      receivers.add(new JsonObject().put("name", name).put("webhook_configs", new JsonArray()
          .add(new JsonObject().put("url", receiverBase + "/" + name).put("send_resolved", true))));
    }
    config.put("receivers", receivers);
    shorten(config.getJsonObject("route"), t -> "1s");
    return config;
  }

  private static void shorten(JsonObject route, UnaryOperator<String> timer) {
    for (String key : List.of("group_wait", "group_interval")) {
      route.put(key, timer.apply(route.getString(key)));
    }
    JsonArray routes = route.getJsonArray("routes");
    if (routes != null) {
      routes.forEach(r -> shorten((JsonObject) r, timer));
    }
  }

  /** Starts {@code binary} with {@code config} (JSON is valid YAML) in {@code dir}. */
  static RealAlertmanager start(Path binary, JsonObject config, Path dir) throws IOException {
    Path configFile = dir.resolve("alertmanager.yml");
    Files.writeString(configFile, config.encodePrettily(), StandardCharsets.UTF_8);
    Path storage = Files.createDirectories(dir.resolve("data"));
    Path log = dir.resolve("alertmanager.log");
    int port = freePort();
    Process process = new ProcessBuilder(binary.toString(),
        "--config.file=" + configFile,
        "--storage.path=" + storage,
        "--web.listen-address=127.0.0.1:" + port,
        "--cluster.listen-address=",
        "--log.level=debug")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    return new RealAlertmanager(process, port, log);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  boolean alive() {
    return process.isAlive();
  }

  /** The process's output so far, for failure messages. */
  String log() {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
