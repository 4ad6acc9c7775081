package io.cleft.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.cleft.compiler.Compilation;
import io.cleft.compiler.GeneratedAgreement;
import io.cleft.compiler.Pipeline;
import io.cleft.compiler.source.SourceFile;
import io.cleft.runtime.Synapse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every model that once made cleft misbehave (src/test/resources/robustness/, copied from the
 * steering repository's shared/robustness) behaves as EXPECTED.tsv says, through the command
 * line: either {@code check} reports the expected first error at its line and column and exits
 * with 1, or it accepts the model, {@code compile} writes a source that plain javac compiles
 * under {@code --release 17 -Xlint:all -Werror}, and the class gives the interpreter's bits.
 * Never a stack trace, an internal error or a hang (each case has 30 s, a guard far above the
 * second or so each takes).
 */
class RobustnessReproducersTest {
  private static final Path DIRECTORY = Path.of("src/test/resources/robustness");
  private static final Duration HANG_GUARD = Duration.ofSeconds(30);

  @TempDir Path output;

  @Test
  void everyReproducerHasAnExpectation() throws IOException {
    Map<String, String> expectations = expectations();
    try (Stream<Path> files = Files.list(DIRECTORY)) {
      List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".syn")).sorted().toList();
      assertEquals(names, expectations.keySet().stream().sorted().toList());
    }
  }

  @TestFactory
  Stream<DynamicTest> everyReproducerBehavesAsExpected() throws IOException {
    return expectations().entrySet().stream().map(e -> dynamicTest(e.getKey() + ": " + e.getValue(), () -> {
      Path model = DIRECTORY.resolve(e.getKey());
      assertTimeoutPreemptively(HANG_GUARD, () -> {
        if (e.getValue().equals("compiles")) {
          assertCompilesAndAgrees(model);
        } else {
          assertRejected(model, e.getValue());
        }
      });
    }));
  }

  /**
   * {@code error SYN063 5:27, SYN064 5:39}: exit 1, and exactly these errors, in this order, at
   * these positions.
   */
  private static void assertRejected(Path model, String expectation) {
    assertTrue(expectation.startsWith("error "), expectation);
    CliRun run = CliRun.of("check", model.toString());
    assertNoCrash(run);
    assertEquals(ExitCodes.FAILURE, run.exitCode(), run.err());
    String prefix = model + ":";
    List<String> errors = run.err().lines()
        .filter(l -> l.startsWith(prefix) && l.contains(": error: "))
        .map(l -> {
          String position = l.substring(prefix.length(), l.indexOf(": error: "));
          String code = l.substring(l.lastIndexOf('[') + 1, l.lastIndexOf(']'));
          return code + " " + position;
        })
        .toList();
    assertEquals(expectation.substring("error ".length()), String.join(", ", errors), run.err());
  }

  private void assertCompilesAndAgrees(Path model) throws IOException {
    CliRun check = CliRun.of("check", model.toString());
    assertNoCrash(check);
    assertEquals(ExitCodes.OK, check.exitCode(), check.err());
    Path out = output.resolve(model.getFileName().toString());
    CliRun compile = CliRun.of("compile", model.toString(), "-d", out.toString());
    assertNoCrash(compile);
    assertEquals(ExitCodes.OK, compile.exitCode(), compile.err());
    List<Path> sources;
    try (Stream<Path> files = Files.walk(out)) {
      sources = files.filter(p -> p.toString().endsWith(".java")).toList();
    }
    assertEquals(1, sources.size(), () -> "sources: " + sources);
    assertNoUnicodeEscape(Files.readString(sources.get(0)));
    assertJavacAcceptsWithoutWarnings(sources, out.resolve("classes"));

    Compilation compilation = Pipeline.compile(new SourceFile(model.toString(), Files.readString(model)));
    PrintStream standardOutput = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      GeneratedAgreement.assertGeneratedEqualsInterpreter(compilation.program().orElseThrow(), model.toString(), 7, 64);
    } finally {
      System.setOut(standardOutput);
    }
    assertEquals("", printed.toString(StandardCharsets.UTF_8), "the generated class printed something");
  }

  /**
   * javac translates a unicode escape before it reads comments or strings, so one in generated
   * source could end a comment or a literal: the emitter must never write one. (An escape is a
   * backslash preceded by an even number of backslashes, then one or more {@code u}.)
   */
  private static void assertNoUnicodeEscape(String source) {
    int backslashes = 0;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == 'u' && backslashes % 2 == 1) {
        int at = i;
        throw new AssertionError("a unicode escape in the generated source: " + source.substring(Math.max(0, at - 40), Math.min(source.length(), at + 40)));
      }
      backslashes = c == '\\' ? backslashes + 1 : 0;
    }
  }

  /** javac as a user's build runs it, on the files {@code cleft compile} wrote. */
  private static void assertJavacAcceptsWithoutWarnings(List<Path> sources, Path classes) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Files.createDirectories(classes);
    String runtime = Path.of(Synapse.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
    StringWriter messages = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
      List<String> options = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Werror", "-classpath", runtime, "-d", classes.toString()));
      boolean ok = javac.getTask(messages, files, null, options, null, units).call();
      assertTrue(ok, () -> "javac rejected " + sources + ":\n" + messages);
      assertEquals("", messages.toString(), "javac printed something");
    }
  }

  private static void assertNoCrash(CliRun run) {
    assertFalse(run.err().contains("Exception"), run.err());
    assertFalse(run.err().contains("Error:"), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
    assertFalse(run.err().contains("SYN199"), run.err());
  }

  /**
   * EXPECTED.tsv: a file name, a tab, then {@code compiles} or {@code error} and every error
   * as {@code CODE LINE:COLUMN}, separated by commas.
   */
  private static Map<String, String> expectations() {
    try {
      Map<String, String> expectations = new LinkedHashMap<>();
      for (String line : Files.readAllLines(DIRECTORY.resolve("EXPECTED.tsv"))) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] fields = line.split("\t");
          expectations.put(fields[0], fields[1]);
        }
      }
      return expectations;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
