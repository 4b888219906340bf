package io.replywatch.observe;

import static org.junit.jupiter.api.Assertions.fail;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs Prometheus's {@code promtool} (Debian package {@code prometheus}) as a subprocess, so the rule and
 * config files are checked by the same parser Prometheus uses rather than by eye.
 *
 * <p>When promtool is missing the calling test is skipped with a message saying how to install it, except
 * under {@code CI=true}, where a missing promtool fails the run: CI must not go green without these checks.
 */
final class Promtool {

  /** What promtool printed (stdout and stderr together) and how it exited. */
  record Result(int exitCode, String output) {}

  static final String INSTALL_HINT = "apt-get install -y prometheus (promtool comes with it)";

  private static final long TIMEOUT_SECONDS = 120;

  private Promtool() {}

  /** The project's root directory: surefire runs tests there and sets {@code basedir}. */
  static Path projectDir() {
    return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  }

  /** The promtool binary: {@code $PROMTOOL}, else the first {@code promtool} on {@code PATH}, else /usr/bin. */
  static Optional<Path> locate() {
    return locate("promtool", "PROMTOOL");
  }

  /** A binary of the Debian package (promtool, prometheus): {@code $envVar}, else the first {@code name} on {@code PATH}, else /usr/bin. */
  static Optional<Path> locate(String name, String envVar) {
    List<Path> candidates = new ArrayList<>();
    String explicit = System.getenv(envVar);
    if (explicit != null && !explicit.isBlank()) {
      candidates.add(Path.of(explicit));
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isBlank()) {
          candidates.add(Path.of(dir, name));
        }
      }
    }
    candidates.add(Path.of("/usr/bin", name));
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /** The promtool binary, or skips (fails under {@code CI=true}) the calling test when there is none. */
  static Path require() {
    return require("promtool", "PROMTOOL");
  }

  /** A binary of the Debian package, or skips (fails under {@code CI=true}) the calling test when there is none. */
  static Path require(String name, String envVar) {
    Optional<Path> found = locate(name, envVar);
    if (found.isEmpty()) {
      String message = name + " not found on PATH or at /usr/bin/" + name + "; install it with: " + INSTALL_HINT;
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message + " (CI=true: the Prometheus checks are mandatory)");
      }
      Assumptions.abort(message + " (skipped; set CI=true to make this a failure)");
    }
    return found.get();
  }

  /** Runs {@code promtool args...} in the project directory and returns its exit code and output. */
  static Result run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(require().toString());
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command)
          .directory(projectDir().toFile())
          .redirectErrorStream(true)
          .start();
      process.getOutputStream().close();
      byte[] out;
      try (InputStream in = process.getInputStream()) {
        out = in.readAllBytes();
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("promtool did not finish within " + TIMEOUT_SECONDS + " s: " + command);
      }
      return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }
}
