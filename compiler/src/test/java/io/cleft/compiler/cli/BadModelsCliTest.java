package io.cleft.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code cleft check} on every broken model of the diagnostic suite: exit 1 when the file
 * expects an error (0 when it expects warnings only), the diagnostics on stderr, and never a
 * stack trace.
 */
class BadModelsCliTest {
  private static final Path BAD = Path.of("src/test/resources/bad");

  @TestFactory
  Stream<DynamicTest> checkExitsWithOneOnEveryModelError() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(BAD)) {
      files = list.filter(p -> p.toString().endsWith(".syn")).sorted().toList();
    }
    return files.stream().map(file -> dynamicTest(file.getFileName().toString(), () -> {
      boolean expectsError = read(file).lines().anyMatch(line -> line.matches("// expect: \\d+:\\d+ error .*"));
      CliRun run = CliRun.of("check", file.toString());
      assertEquals(expectsError ? ExitCodes.FAILURE : ExitCodes.OK, run.exitCode(), run.err());
      assertFalse(run.err().contains("Exception"), run.err());
      assertFalse(run.err().contains("\tat "), run.err());
      assertFalse(run.err().isEmpty(), "a bad model must say what is wrong");
    }));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
