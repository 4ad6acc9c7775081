package io.cleft.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvalCommandTest {
  /** x after one step of 1 ms from 0.5 with tau = 4 ms: 0.5 * exp(-0.25). */
  private static final String OUT_X = Double.toString(0.5 * Math.exp(-0.25));

  @TempDir Path dir;
  private String model;

  @BeforeEach
  void writeModel() {
    model = TestModels.write(dir, "Decay.syn", TestModels.DECAY);
  }

  private CliRun eval(String csv, String... options) {
    return CliRun.eval(model, TestModels.write(dir, "in.csv", csv), options);
  }

  private String in() {
    return dir.resolve("in.csv").toString();
  }

  @Test
  void writesInputsThenComputedColumnsToStdout() {
    CliRun run = eval("dt,v_pre,v_post,x\n1,0,-70,0.5\n");

    assertEquals(ExitCodes.OK, run.exitCode());
    assertEquals("dt,v_pre,v_post,x,out_x,current\n1.0,0.0,-70.0,0.5," + OUT_X + ",-70.0\n", run.out());
    assertEquals("", run.err());
  }

  @Test
  void writesToTheOutputFile() throws IOException {
    Path output = dir.resolve("out.csv");

    CliRun run = eval("dt,v_pre,v_post,x\n1,0,-70,0.5\n", "--output", output.toString());

    assertEquals(ExitCodes.OK, run.exitCode());
    assertEquals("", run.out());
    assertEquals("", run.err());
    assertEquals("dt,v_pre,v_post,x,out_x,current\n1.0,0.0,-70.0,0.5," + OUT_X + ",-70.0\n", Files.readString(output));
  }

  @Test
  void parametersAndStatesWithoutAColumnTakeTheirDeclaredValues() {
    // x defaults to 0.5; g is given as 1 instead of its default 2.
    CliRun run = eval("dt,v_pre,v_post,g\n1,0,-70,1\n");

    assertEquals(ExitCodes.OK, run.exitCode());
    assertEquals("dt,v_pre,v_post,g,out_x,current\n1.0,0.0,-70.0,1.0," + OUT_X + ",-35.0\n", run.out());
  }

  @Test
  void expectedColumnsAreReplacedWhereTheyAreAndMissingOnesAppended() {
    CliRun run = eval("current,dt,v_pre,v_post,x\n99,1,0,-70,0.5\n");

    assertEquals(ExitCodes.OK, run.exitCode());
    assertEquals("current,dt,v_pre,v_post,x,out_x\n-70.0,1.0,0.0,-70.0,0.5," + OUT_X + "\n", run.out());
  }

  @Test
  void readsAndWritesNonFiniteValuesAsJavaSpellsThem() {
    CliRun run = eval("dt,v_pre,v_post,x\n1,0,-Infinity,0.5\nNaN,0,-70,Infinity\n");

    assertEquals(ExitCodes.OK, run.exitCode());
    assertEquals(
        "dt,v_pre,v_post,x,out_x,current\n"
            + "1.0,0.0,-Infinity,0.5," + OUT_X + ",-Infinity\n"
            + "NaN,0.0,-70.0,Infinity,NaN,-Infinity\n",
        run.out());
  }

  @Test
  void acceptsQuotedFieldsCrlfPaddingAndATrailingBlankLine() {
    CliRun run = eval("\"dt\",\"v_pre\", \"v_post\" ,x\r\n 1 ,0,-70,\"0.5\"\r\n\r\n");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals("dt,v_pre,v_post,x,out_x,current\n1.0,0.0,-70.0,0.5," + OUT_X + ",-70.0\n", run.out());
  }

  @Test
  void anUnknownColumnListsTheKnownOnesWithASuggestion() {
    CliRun run = eval("dt,v_pre,v_post,tua\n1,0,-70,4\n");

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals("", run.out());
    assertEquals(
        in() + ":1:17: error: unknown column 'tua' (did you mean 'tau'?); the columns of Decay are"
            + " dt, v_pre, v_post, g, tau, x, out_x, current [SYN103]\n"
            + "    1 | dt,v_pre,v_post,tua\n"
            + "      |                 ^~~\n",
        run.err());
  }

  @Test
  void aQuotedHeaderNameWithACommaIsOneColumn() {
    CliRun run = eval("dt,v_pre,v_post,\"g,tau\"\n1,0,-70,4\n");

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals(
        in() + ":1:17: error: unknown column 'g,tau'; the columns of Decay are"
            + " dt, v_pre, v_post, g, tau, x, out_x, current [SYN103]\n"
            + "    1 | dt,v_pre,v_post,\"g,tau\"\n"
            + "      |                 ^~~~~~~\n",
        run.err());
  }

  @Test
  void aDuplicateAndAMissingColumnAreReportedTogether() {
    CliRun run = eval("dt,v_post,g,g\n1,-70,1,2\n");

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals(
        in() + ":1:1: error: missing column 'v_pre': every row needs dt, v_pre and v_post [SYN103]\n"
            + "    1 | dt,v_post,g,g\n"
            + "      | ^~~~~~~~~~~~~\n"
            + in() + ":1:13: error: duplicate column 'g' (first at 1:11) [SYN104]\n"
            + "    1 | dt,v_post,g,g\n"
            + "      |             ^\n",
        run.err());
  }

  @Test
  void aMalformedNumberIsShownWithACaret() {
    CliRun run = eval("dt,v_pre,v_post\n1,0,-70\n1,0, 1.2.3 \n");

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals("", run.out());
    assertEquals(
        in() + ":3:6: error: '1.2.3' is not a number [SYN105]\n"
            + "    3 | 1,0, 1.2.3 \n"
            + "      |      ^~~~~\n",
        run.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1f", "1d", "0x1p3", "1e", ".", "inf", "1_000"})
  void numbersJavaWouldTakeButACsvShouldNotAreRejected(String number) {
    CliRun run = eval("dt,v_pre,v_post\n1,0," + number + "\n");

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals(
        in() + ":2:5: error: '" + number + "' is not a number [SYN105]\n"
            + "    2 | 1,0," + number + "\n"
            + "      |     ^" + "~".repeat(number.length() - 1) + "\n",
        run.err());
  }

  @Test
  void aRowWithTooManyOrTooFewFieldsIsReported() {
    CliRun run = eval("dt,v_pre,v_post\n1,0,-70,5,6\n1,0\n");

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals(
        in() + ":2:9: error: line 2 has 5 fields but the header has 3 [SYN102]\n"
            + "    2 | 1,0,-70,5,6\n"
            + "      |         ^~~\n"
            + in() + ":3:4: error: line 3 has 2 fields but the header has 3 [SYN102]\n"
            + "    3 | 1,0\n"
            + "      |    ^\n",
        run.err());
  }

  @Test
  void anEmptyFileHasNoHeader() {
    CliRun run = eval("\n\n");

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals(in() + ":1:1: error: empty file; expected a header row [SYN102]\n    1 | \n      | ^\n", run.err());
  }

  @Test
  void anUnterminatedQuoteIsShownWhereItOpens() {
    CliRun run = eval("dt,v_pre,v_post\n1,\"0,-70\n");

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals(
        in() + ":2:3: error: quoted field is never closed [SYN102]\n"
            + "    2 | 1,\"0,-70\n"
            + "      |   ^\n",
        run.err());
  }

  @Test
  void checkPassesWithinTheTolerance() {
    double nextUp = Math.nextUp(0.5 * Math.exp(-0.25));
    CliRun run =
        eval(
            "dt,v_pre,v_post,x,out_x,current\n1,0,-70,0.5," + OUT_X + ",-70\n1,0,-70,0.5," + nextUp + ",-70\n",
            "--check",
            "1e-12");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals("", run.out(), "with --check and no --output, the result alone is printed");
    assertEquals("checked 2 rows: worst relative error 1.4e-16 (out_x, line 3), tolerance 1e-12\n", run.err());
  }

  @Test
  void checkOfIdenticalValuesNamesNoRow() {
    CliRun run = eval("dt,v_pre,v_post,current\n1,0,-70,-70\n", "--check=0");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals("checked 1 row: worst relative error 0.0e+00, tolerance 0\n", run.err());
  }

  @Test
  void checkFailsNamingTheWorstRowAndColumnButStillWritesTheOutput() throws IOException {
    Path output = dir.resolve("out.csv");
    CliRun run =
        eval(
            "dt,v_pre,v_post,x,out_x,current\n1,0,-70,0.5,0.3894,-70\n1,0,-70,0.5,0.39,-70\n",
            "--check",
            "1e-12",
            "--output",
            output.toString());

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals("", run.out());
    assertEquals(
        "dt,v_pre,v_post,x,out_x,current\n1.0,0.0,-70.0,0.5," + OUT_X + ",-70.0\n1.0,0.0,-70.0,0.5," + OUT_X + ",-70.0\n",
        Files.readString(output));
    assertEquals(
        in() + ":3:13: error: out_x differs from the expected value by a relative 1.5e-03 (tolerance 1e-12):"
            + " expected 0.39, got " + OUT_X + " [SYN106]\n"
            + "    3 | 1,0,-70,0.5,0.39,-70\n"
            + "      |             ^~~~\n",
        run.err());
  }

  @Test
  void checkFailsWhenOnlyOneValueIsNaN() {
    CliRun run = eval("dt,v_pre,v_post,current\n1,0,-70,NaN\n", "--check", "1e-12");

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals(
        in() + ":2:9: error: current differs from the expected value (tolerance 1e-12): expected NaN, got -70.0 [SYN106]\n"
            + "    2 | 1,0,-70,NaN\n"
            + "      |         ^~~\n",
        run.err());
  }

  @Test
  void checkWithoutExpectedColumnsFails() {
    CliRun run = eval("dt,v_pre,v_post\n1,0,-70\n", "--check", "1e-12");

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals(
        in() + ":1:1: error: nothing to check: the input has none of the columns out_x, current [SYN106]\n"
            + "    1 | dt,v_pre,v_post\n"
            + "      | ^~~~~~~~~~~~~~~\n",
        run.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "NaN", "1f", "tiny"})
  void aToleranceMustBeANonNegativeNumber(String tolerance) {
    CliRun run = eval("dt,v_pre,v_post\n1,0,-70\n", "--check", tolerance);

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals(
        "Invalid value for option '--check': '" + tolerance + "' is not a non-negative number\n"
            + "Try 'cleft eval --help' for more information.\n",
        run.err());
  }

  @Test
  void anOutputInAMissingDirectoryCannotBeWritten() {
    Path output = dir.resolve("missing").resolve("out.csv");

    CliRun run = eval("dt,v_pre,v_post\n1,0,-70\n", "--output", output.toString());

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals(
        output + ": error: cannot write file: directory '" + dir.resolve("missing") + "' does not exist [SYN101]\n",
        run.err());
  }

  @Test
  void anOutputBelowAFileCannotBeWritten() {
    Path output = dir.resolve("Decay.syn").resolve("out.csv");

    CliRun run = eval("dt,v_pre,v_post\n1,0,-70\n", "--output", output.toString());

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals(
        output + ": error: cannot write file: '" + dir.resolve("Decay.syn") + "' is not a directory [SYN101]\n",
        run.err());
  }

  @Test
  void aDirectoryCannotBeTheOutput() {
    CliRun run = eval("dt,v_pre,v_post\n1,0,-70\n", "--output", dir.toString());

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals(dir + ": error: cannot write file: is a directory [SYN101]\n", run.err());
  }

  @Test
  void aMissingInputIsADiagnostic() {
    String missing = dir.resolve("nope.csv").toString();

    CliRun run = CliRun.of("eval", model, "--input", missing);

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals(missing + ": error: cannot read file: no such file [SYN100]\n", run.err());
  }

  @Test
  void aModelWithErrorsIsReportedAndNotRun() {
    model = TestModels.write(dir, "Decay.syn", TestModels.DECAY.replace("-dt / tau", "-dt / tua"));

    CliRun run = eval("dt,v_pre,v_post\n1,0,-70\n");

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals("", run.out());
    assertEquals(
        model + ":13:23: error: unknown name 'tua' (did you mean 'tau'?) [SYN020]\n"
            + "   13 |     x = x * exp(-dt / tua)\n"
            + "      |                       ^~~\n",
        run.err());
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void fastMathWithTheInterpreterIsAUsageError(boolean fastMathFirst) {
    String input = TestModels.write(dir, "in.csv", "dt,v_pre,v_post\n1,0,-70\n");
    CliRun run =
        fastMathFirst
            ? CliRun.of("eval", model, "--fast-math", "--input", input, "--interpret")
            : CliRun.of("eval", model, "--input", input, "--interpret", "--fast-math");

    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertEquals("", run.out());
    assertEquals(
        "--fast-math applies to generated code; the interpreter is always exact\n"
            + "Try 'cleft eval --help' for more information.\n",
        run.err());
    assertFalse(run.err().contains("Exception"), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
  }

  @Test
  void fastMathReproducesJaxleysIonotropicSynapseTo1e12() {
    CliRun run =
        CliRun.of(
            "eval", TestModels.IONOTROPIC, "--input", TestModels.IONOTROPIC_REFERENCE, "--check", "1e-12", "--fast-math");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("checked 250 rows: worst relative error "), run.err());
    assertTrue(run.err().endsWith(", tolerance 1e-12\n"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void fastMathIsListedInTheHelp() {
    CliRun run = CliRun.of("eval", "--help");

    assertEquals(ExitCodes.OK, run.exitCode());
    assertTrue(run.out().contains("--fast-math"), run.out());
  }

  private static final String CLOCK =
      """
      synapse Clock {
        parameters {
          k = 0.5 1/ms
          s0 = 0.25
        }
        states {
          s = 0
        }
        initial {
          s = s0
        }
        update {
          s = s + k * t * dt / 1 [ms]
        }
        current = s * (v_post - 0 [mV]) * 1 [uS]
      }
      """;

  @Test
  void aModelThatReadsTheTimeTakesItFromAColumnT() {
    String clock = TestModels.write(dir, "Clock.syn", CLOCK);
    CliRun run = CliRun.eval(clock, TestModels.write(dir, "in.csv", "t,dt,v_pre,v_post,s\n2,0.5,0,-10,1\n"));

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    // s = 1 + 0.5 * 2 * 0.5
    assertEquals("t,dt,v_pre,v_post,s,out_s,current\n2.0,0.5,0.0,-10.0,1.0,1.5,-10.0\n", run.out());
  }

  @Test
  void aModelThatReadsTheTimeNeedsTheColumn() {
    String clock = TestModels.write(dir, "Clock.syn", CLOCK);
    CliRun run = CliRun.eval(clock, TestModels.write(dir, "in.csv", "dt,v_pre,v_post,s\n0.5,0,-10,1\n"));

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertTrue(run.err().contains("in.csv:1:1: error: missing column 't': Clock reads the time t"), run.err());
  }

  @Test
  void statesWithoutAColumnStartFromTheInitialBlockOnTheRowsParameters() {
    String clock = TestModels.write(dir, "Clock.syn", CLOCK);
    CliRun run = CliRun.eval(clock, TestModels.write(dir, "in.csv", "t,dt,v_pre,v_post,s0\n0,0.5,0,-10,0.75\n"));

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals("t,dt,v_pre,v_post,s0,out_s,current\n0.0,0.5,0.0,-10.0,0.75,0.75,-7.5\n", run.out());
  }
}
