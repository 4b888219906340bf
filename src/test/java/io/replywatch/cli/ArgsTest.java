package io.replywatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.replywatch.usage.UsageException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {

  @Test
  void shouldReadNamedOptionsAndFlags() {
    Args args = Args.parse(List.of("--config", "a.yaml", "--json", "--cv=5"), Set.of("--config", "--cv"),
        Set.of("--json"));
    assertEquals("a.yaml", args.get("--config", null));
    assertTrue(args.has("--json"));
    assertEquals(5, args.intValue("--cv", 0, 2, 10));
  }

  @Test
  void shouldRefuseABareWordInsteadOfIgnoringIt() {
    // "check-config broken.yaml" once checked the default config and said ok
    UsageException e = assertThrows(UsageException.class,
        () -> Args.parse(List.of("broken.yaml"), Set.of("--config"), Set.of()));
    assertEquals("unexpected argument 'broken.yaml' (did you mean --config broken.yaml?)", e.getMessage());
    UsageException eval = assertThrows(UsageException.class,
        () -> Args.parse(List.of("Tweets.csv"), Set.of("--input", "--format"), Set.of("--json")));
    assertEquals("unexpected argument 'Tweets.csv' (did you mean --input Tweets.csv?)", eval.getMessage());
    UsageException bench = assertThrows(UsageException.class,
        () -> Args.parse(List.of("extra"), Set.of(), Set.of("--json")));
    assertEquals("unexpected argument 'extra'", bench.getMessage());
  }

  @Test
  void shouldRefuseAnEmptyValue() {
    // As a path, "" is the current directory: "--config=" or --input "$UNSET" gave ": is a directory".
    for (List<String> raw : List.of(List.of("--config="), List.of("--config", ""))) {
      UsageException e = assertThrows(UsageException.class, () -> Args.parse(raw, Set.of("--config"), Set.of()));
      assertEquals("option --config needs a value, got an empty one", e.getMessage());
    }
  }

  @Test
  void shouldRefuseUnknownOptionsAndMissingValues() {
    assertThrows(UsageException.class, () -> Args.parse(List.of("--confg", "a"), Set.of("--config"), Set.of()));
    assertThrows(UsageException.class, () -> Args.parse(List.of("--config"), Set.of("--config"), Set.of()));
  }
}
