package io.replywatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.cli.Command;
import io.replywatch.cli.Console;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... argv) {
    Console io = new Console(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return Main.execute(argv, io);
  }

  static Stream<String> commands() {
    return Main.commands().stream().map(Command::name);
  }

  @ParameterizedTest
  @MethodSource("commands")
  void shouldPrintHelpForEveryCommand(String command) {
    assertEquals(0, run(command, "--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains(command), out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void shouldListTheCommandsAndExit2WithoutOne() {
    assertEquals(2, run());
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("check-config"));
    assertEquals(0, run("--help"));
  }

  @Test
  void shouldExit2OnAnUnknownCommandOrOption() {
    assertEquals(2, run("frobnicate"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command 'frobnicate'"));
    assertEquals(2, run("check-config", "--confg", "x.yaml"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option '--confg'"));
  }

  @Test
  void shouldExit2WithTheKeyPathForABrokenConfig(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("broken.yaml"), """
        brands:
          - id: acme
            accounts:
              - { platform: mastodon, id: "1", handle: a, token: t }
              - { platform: myspace, id: "2", handle: b, token: t }
        """);
    assertEquals(2, run("check-config", "--config", file.toString()));
    String msg = err.toString(StandardCharsets.UTF_8).trim();
    assertEquals("replywatch check-config: " + file + ": brands[0].accounts[1].platform: unknown platform 'myspace'"
        + " (one of x, mastodon, bluesky, reddit)", msg);
  }

  @Test
  void shouldExit2NotCrashOnADurationTooLongForJavaTime(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("huge.yaml"), """
        brands:
          - id: acme
            accounts:
              - { platform: mastodon, id: "1", handle: a, token: t }
        sla:
          policies:
            - { warning: 30m, breach: 99999999999999999d }
        """);
    assertEquals(2, run("check-config", "--config", file.toString()));
    assertEquals("replywatch check-config: " + file + ": sla.policies[0].breach: must be at most 365d",
        err.toString(StandardCharsets.UTF_8).trim());
  }

  @Test
  void shouldSummariseAGoodConfig(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("ok.yaml"), """
        brands:
          - id: acme
            accounts:
              - { platform: mastodon, id: "1", handle: a, token: t }
        """);
    assertEquals(0, run("check-config", "--config", file.toString()));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains(": ok: 1 brand(s), 1 account(s) on mastodon"));
  }

  /** A command that runs out of memory, as replay does on an export too large for the default heap. */
  private static final class Hungry implements Command {
    @Override
    public String name() {
      return "hungry";
    }

    @Override
    public String summary() {
      return "runs out of memory";
    }

    @Override
    public String usage() {
      return "usage: replywatch hungry";
    }

    @Override
    public int run(List<String> args, Console io) {
      throw new OutOfMemoryError("Java heap space");
    }
  }

  @Test
  void shouldSuggestMoreHeapWhenOutOfMemory() {
    Console io = new Console(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.execute(new String[] {"hungry"}, io, List.of(new Hungry()));
    } catch (OutOfMemoryError e) {
      // Caught here, or JUnit rethrows it as unrecoverable and the whole test run stops.
      throw new AssertionError("Main let an OutOfMemoryError through", e);
    }
    assertEquals(1, code);
    assertEquals("replywatch hungry: out of memory (Java heap space); give Java more heap, e.g. "
        + "java -Xmx4g -jar target/replywatch.jar hungry ...", err.toString(StandardCharsets.UTF_8).strip());
  }

  @Test
  void shouldRefuseADemoSpeedOutOfRange() {
    assertEquals(2, run("demo", "--speed", "0"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--speed must be between 1 and 3600"));
  }
}
