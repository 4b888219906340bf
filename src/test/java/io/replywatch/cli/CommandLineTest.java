package io.replywatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Usage mistakes end in exit 2 and one line, never in a run with the wrong input. */
class CommandLineTest {
  private record Run(int code, String out, String err) {}

  private static Run run(String... argv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Console io = new Console(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    int code = Main.execute(argv, io);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void shouldNotCheckTheDefaultConfigWhenAFileIsGivenWithoutConfig() {
    Run r = run("check-config", "broken.yaml");
    assertEquals(2, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().contains("unexpected argument 'broken.yaml' (did you mean --config broken.yaml?)"), r.err());
  }

  @Test
  void shouldRefuseAnUnknownBenchSectionAmongKnownOnes() {
    Run r = run("bench", "--only", "classify,nosuch");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no such section: nosuch (sections: classify, ingest, sla, replay)"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void shouldTakeABenchSectionNamedTwiceAsOnce() {
    // Set.of threw "duplicate element" here: an unexpected failure with a stack trace, before any name was checked.
    Run r = run("bench", "--only", "nosuch,nosuch");
    assertEquals(2, r.code());
    assertEquals("replywatch bench: no such section: nosuch (sections: classify, ingest, sla, replay)\n",
        r.err().replace("\r\n", "\n"));
  }

  @Test
  void shouldRefuseAnEmptyBenchSectionName() {
    Run r = run("bench", "--only", ",classify");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--only takes section names separated by commas, got ',classify'"), r.err());
  }

  @Test
  void shouldNameEachBenchSectionOnceInTheHelp() {
    Run r = run("bench", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("run only these sections (comma-separated): classify, ingest, sla, replay"), r.out());
  }

  @Test
  void shouldPrintOnlyTheErrorWhenTheDemoPortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Run r = run("demo", "--port", Integer.toString(taken.getLocalPort()));
      assertEquals(2, r.code(), r.err());
      assertEquals("", r.out(), "no banner for a demo that never started");
      assertTrue(r.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": address already in use"),
          r.err());
    }
  }
}
