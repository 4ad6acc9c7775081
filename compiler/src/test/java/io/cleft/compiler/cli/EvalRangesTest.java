package io.cleft.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code cleft eval} enforces the declared ranges of parameters and states on its inputs. */
class EvalRangesTest {
  /** Decay with a range on tau and on x; g has none. */
  private static final String RANGED =
      TestModels.DECAY.replace("tau = 4 ms ", "tau = 4 ms in [0.5, inf]").replace("x = 0.5 ", "x = 0.5 in [0, 1]");

  @TempDir Path dir;
  private String model;

  @BeforeEach
  void writeModel() {
    model = TestModels.write(dir, "Decay.syn", RANGED);
  }

  private CliRun eval(String csv, String... options) {
    return CliRun.eval(model, TestModels.write(dir, "in.csv", csv), options);
  }

  private String in() {
    return dir.resolve("in.csv").toString();
  }

  @Test
  void aParameterBelowItsRangeIsAnErrorAtItsField() {
    CliRun run = eval("dt,v_pre,v_post,tau\n1,0,-70,4\n1,0,-70,-1\n");

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals("", run.out());
    assertEquals(
        in() + ":3:9: error: parameter tau = -1 is outside its declared range [0.5, inf] (declared at " + model
            + ":5:5) [SYN109]\n"
            + "    3 | 1,0,-70,-1\n"
            + "      |         ^~\n",
        run.err());
  }

  @Test
  void aStateAboveItsRangeAndANaNAreErrorsOnEveryRow() {
    CliRun run = eval("dt,v_pre,v_post,x\n1,0,-70,1.5\n1,0,-70,NaN\n");

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals(
        in() + ":2:9: error: state x = 1.5 is outside its declared range [0, 1] (declared at " + model + ":9:5) [SYN109]\n"
            + "    2 | 1,0,-70,1.5\n"
            + "      |         ^~~\n"
            + in() + ":3:9: error: state x = NaN is outside its declared range [0, 1] (declared at " + model
            + ":9:5) [SYN109]\n"
            + "    3 | 1,0,-70,NaN\n"
            + "      |         ^~~\n",
        run.err());
  }

  @ParameterizedTest(name = "tau = {0}")
  @ValueSource(strings = {"0.5", "1e300", "Infinity"})
  void theBoundsAreInTheRange(String tau) {
    CliRun run = eval("dt,v_pre,v_post,tau,x\n1,0,-70," + tau + ",0\n1,0,-70,1,1\n");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals("", run.err());
  }

  @Test
  void aParameterWithoutARangeTakesAnyValue() {
    CliRun run = eval("dt,v_pre,v_post,g\n1,0,-70,-1e300\n");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
  }

  @Test
  void rangesAreCheckedOnlyOnceEveryFieldIsANumber() {
    // The malformed field would read as 0, below tau's range: one error, not two.
    CliRun run = eval("dt,v_pre,v_post,tau\n1,0,-70,abc\n");

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals(
        in() + ":2:9: error: 'abc' is not a number [SYN105]\n"
            + "    2 | 1,0,-70,abc\n"
            + "      |         ^~~\n",
        run.err());
  }
}
