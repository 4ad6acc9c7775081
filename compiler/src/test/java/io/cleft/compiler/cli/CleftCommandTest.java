package io.cleft.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CleftCommandTest {
  @Test
  void versionPrintsTheFallbackOutsideTheJar() {
    CliRun run = CliRun.of("--version");

    assertEquals(ExitCodes.OK, run.exitCode());
    assertEquals("cleft development\n", run.out());
    assertEquals("", run.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "check", "eval"})
  void everyCommandHasHelp(String command) {
    CliRun run = command.isEmpty() ? CliRun.of("--help") : CliRun.of(command, "--help");

    assertEquals(ExitCodes.OK, run.exitCode());
    assertTrue(run.out().startsWith("Usage: cleft"), run.out());
    assertTrue(run.out().contains("--help"), run.out());
    assertEquals("", run.err());
  }

  @Test
  void noSubcommandIsAUsageError() {
    CliRun run = CliRun.of();

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals("Missing required subcommand\nTry 'cleft --help' for more information.\n", run.err());
  }

  @Test
  void misspeltSubcommandGetsASuggestion() {
    CliRun run = CliRun.of("chek", "x.syn");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(run.err().startsWith("Unmatched arguments from index 0: 'chek', 'x.syn'\nDid you mean: cleft check or cleft watch?\n"), run.err());
    assertTrue(run.err().endsWith("Try 'cleft --help' for more information.\n"), run.err());
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun run = CliRun.of("check", "--frob", "x.syn");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals("Unknown option: '--frob'\nTry 'cleft check --help' for more information.\n", run.err());
  }

  @Test
  void misspeltRequiredOptionIsExplainedBeforeItIsMissed() {
    CliRun run = CliRun.of("eval", "m.syn", "--inptu", "in.csv");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals(
        """
        Unknown options: '--inptu', 'in.csv'
        Possible solutions: --input, --interpret
        Missing required option: '--input=CSV'
        Try 'cleft eval --help' for more information.
        """,
        run.err());
  }

  @Test
  void checkNeedsAFile() {
    CliRun run = CliRun.of("check");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals(
        "Missing required parameter: 'FILE'\nTry 'cleft check --help' for more information.\n", run.err());
  }
}
