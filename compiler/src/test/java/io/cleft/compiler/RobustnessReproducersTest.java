package io.cleft.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.cleft.compiler.cli.CleftCommand;
import io.cleft.compiler.diagnostic.Diagnostic;
import io.cleft.compiler.interp.Interpreter;
import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.optimize.Optimizer;
import io.cleft.compiler.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reproducers in {@code src/test/resources/robustness/} that once crashed, hung or gave
 * wrong values in the compiler's own passes: each now gives exactly the diagnostics listed
 * (line:column and code, in order) or compiles, and nothing throws. A model that compiles also
 * goes through the optimizer and the interpreter. (Emitting is left to the emitter's tests: for
 * the chain of 5,000 locals it takes about 15 s, in the emitter's phase planning.)
 */
class RobustnessReproducersTest {
  /** A hang guard only: each takes well under a second. */
  private static final Duration HANG_GUARD = Duration.ofSeconds(20);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "hang_local-doubling-chain-24.syn                             |",
        "internal-error_local-chain-5000.syn                          |",
        "internal-error_flat-sum-2000-terms.syn                       | 5:18 SYN010",
        "internal-error_nested-abs-1000.syn                           | 5:1030 SYN010",
        "internal-error_compile-only_nested-if-1000.syn               | 5:5759 SYN010",
        "stack-trace_eval-nested-abs-300-javac-crash.syn              | 5:1030 SYN010",
        "internal-error_literal-exponent-overflow.syn                 | 3:10 SYN005",
        "internal-error_literal-exponent-too-many-digits.syn          | 5:27 SYN005",
        "internal-error_unit-exponent-1000000000.syn                  | 4:14 SYN007",
        "internal-error_unit-exponent-underflow.syn                   | 4:15 SYN007",
        "wrong-acceptance_unit-exponent-int-overflow.syn              | 4:15 SYN007, 4:22 SYN007",
        "wrong-value_constant-unit-conversion-overflow.syn            | 3:10 SYN063",
        "wrong-value_constant-unit-conversion-underflow.syn           | 6:11 SYN064",
        "bad-diagnostic_literal-out-of-range-after-unit-conversion.syn | 5:27 SYN063, 5:39 SYN064",
      })
  void eachReproducerGivesExactlyItsDiagnosticsOrCompiles(String file, String expected) throws IOException {
    SourceFile source = new SourceFile(file, read(file));
    List<String> errors =
        assertTimeoutPreemptively(HANG_GUARD, () -> Pipeline.compile(source)).diagnostics().stream()
            .filter(Diagnostic::isError)
            .map(d -> d.span().orElseThrow().line() + ":" + d.span().orElseThrow().column() + " " + d.code().id())
            .toList();
    assertEquals(expected == null ? "" : expected, String.join(", ", errors));
    if (expected == null) {
      assertTimeoutPreemptively(HANG_GUARD, () -> goesThroughEveryStage(source));
    }
  }

  /** The command line, in process: exit 0 or 1, never an internal error. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "hang_local-doubling-chain-24.syn, 0",
    "internal-error_local-chain-5000.syn, 0",
    "internal-error_nested-abs-1000.syn, 1",
    "internal-error_literal-exponent-overflow.syn, 1",
    "internal-error_unit-exponent-underflow.syn, 1",
    "wrong-value_constant-unit-conversion-overflow.syn, 1",
  })
  void checkOnTheCommandLineExitsCleanly(String file, int exitCode, @TempDir Path directory) throws IOException {
    Path model = directory.resolve(file);
    Files.writeString(model, read(file));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int actual =
        assertTimeoutPreemptively(
            HANG_GUARD,
            () -> CleftCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), "check", model.toString()));
    assertEquals(exitCode, actual, err.toString());
    assertFalse(err.toString().contains("SYN199"), err.toString());
    assertFalse(err.toString().contains("Exception"), err.toString());
  }

  private static void goesThroughEveryStage(SourceFile source) {
    IrProgram program = Pipeline.compile(source).program().orElseThrow();
    LargeStack.call(() -> {
      IrProgram optimized = Optimizer.optimize(program);
      double[] parameters = TestModels.defaultParameters(program);
      double[] states = TestModels.initialStates(program);
      new Interpreter(optimized).update(parameters, states, 0.025, -20, -65);
      new Interpreter(optimized).currentTerms(parameters, states, -20, -65);
      return null;
    });
  }

  static String read(String file) throws IOException {
    try (InputStream in = RobustnessReproducersTest.class.getResourceAsStream("/robustness/" + file)) {
      if (in == null) {
        throw new IOException("no test resource robustness/" + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
