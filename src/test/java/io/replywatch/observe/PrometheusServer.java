package io.replywatch.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian package {@code prometheus}) on a free loopback port, scraping one target every second
 * and evaluating this project's rule file every second, for tests that run PromQL against real data.
 * Skips the test when the binary is missing, or fails it under {@code CI=true} (see {@link Promtool#require}).
 */
final class PrometheusServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path log;
  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private PrometheusServer(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  /** Starts Prometheus with job {@code replywatch} scraping {@code target} and the given rule files. */
  static PrometheusServer start(Path workDir, String target, List<Path> ruleFiles) throws IOException {
    Path binary = Promtool.require("prometheus", "PROMETHEUS_BINARY");
    int port = freePort();
    StringBuilder config = new StringBuilder()
        .append("global: {scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1s}\n")
        .append("rule_files:\n");
    for (Path rules : ruleFiles) {
      config.append("  - '").append(rules.toAbsolutePath()).append("'\n");
    }
    config.append("scrape_configs:\n")
        .append("  - job_name: replywatch\n")
        .append("    static_configs: [{targets: ['").append(target).append("']}]\n");
    Path configFile = Files.writeString(workDir.resolve("prometheus.yml"), config.toString());
    Path log = workDir.resolve("prometheus.log");
    Process process = new ProcessBuilder(binary.toString(),
        "--config.file=" + configFile,
        "--storage.tsdb.path=" + workDir.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    return new PrometheusServer(process, log, port);
  }

  /** Runs an instant query through {@code /api/v1/query}; returns {@code data} of a successful answer. */
  JsonNode query(String promql) throws IOException, InterruptedException {
    return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
  }

  /** {@code data} of {@code /api/v1/rules}: every group with every rule's health and last error. */
  JsonNode rules() throws IOException, InterruptedException {
    return get("/api/v1/rules");
  }

  /** Prometheus's own log, for failure messages. */
  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(response.body());
    if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
      throw new IOException("Prometheus answered " + response.statusCode() + " to " + pathAndQuery + ": "
          + response.body());
    }
    return body.path("data");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
