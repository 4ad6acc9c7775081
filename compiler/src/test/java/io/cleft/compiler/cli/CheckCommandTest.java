package io.cleft.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  @TempDir Path dir;

  @Test
  void aGoodModelPrintsNothing() {
    CliRun run = CliRun.of("check", TestModels.IONOTROPIC, TestModels.write(dir, "Decay.syn", TestModels.DECAY));

    assertEquals(ExitCodes.OK, run.exitCode());
    assertEquals("", run.out());
    assertEquals("", run.err());
  }

  @Test
  void warningsArePrintedButPass() {
    String model = TestModels.write(dir, "Warn.syn", TestModels.DECAY.replace("exp(-dt / tau)", "exp(-dt / 4[ms])"));

    CliRun run = CliRun.of("check", model);

    assertEquals(ExitCodes.OK, run.exitCode());
    assertEquals(
        model + ":5:5: warning: parameter 'tau' is never used [SYN091]\n"
            + "    5 |     tau = 4 ms  \"decay time constant\"\n"
            + "      |     ^~~\n"
            + "1 warning in 1 file\n",
        run.err());
  }

  @Test
  void nmodlsCnexpIsReadAsExponentialEulerWithANote() {
    String model = TestModels.write(dir, "Cnexp.syn", TestModels.DECAY.replace("x = x * exp(-dt / tau)", "x' = -x / tau using cnexp"));

    CliRun run = CliRun.of("check", model);

    assertEquals(ExitCodes.OK, run.exitCode());
    assertEquals("", run.out());
    assertEquals(
        model + ":13:25: note: 'cnexp' is NMODL's name for exponential_euler (the exact step of x' = a + b*x"
            + " for one state, with a and b frozen over the step); cleft reads it so, write 'using"
            + " exponential_euler' to say it in cleft's words [SYN037]\n"
            + "   13 |     x' = -x / tau using cnexp\n"
            + "      |                         ^~~~~\n"
            + "1 note in 1 file\n",
        run.err());
  }

  @Test
  void errorsFail() {
    String model = TestModels.write(dir, "Bad.syn", TestModels.DECAY.replace("-dt / tau", "-dt / tua"));

    CliRun run = CliRun.of("check", model);

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals(
        model + ":13:23: error: unknown name 'tua' (did you mean 'tau'?) [SYN020]\n"
            + "   13 |     x = x * exp(-dt / tua)\n"
            + "      |                       ^~~\n"
            + "1 error in 1 file\n",
        run.err());
  }

  @Test
  void aMissingFileIsADiagnosticAndTheOtherFilesAreStillChecked() {
    String bad = TestModels.write(dir, "Bad.syn", TestModels.DECAY.replace("-dt / tau", "-dt / tua"));
    String warn = TestModels.write(dir, "Warn.syn", TestModels.DECAY.replace("exp(-dt / tau)", "exp(-dt / 4[ms])"));

    CliRun run = CliRun.of("check", "models/x.syn", bad, warn);

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals(
        "models/x.syn: error: cannot read file: no such file [SYN100]\n"
            + bad + ":13:23: error: unknown name 'tua' (did you mean 'tau'?) [SYN020]\n"
            + "   13 |     x = x * exp(-dt / tua)\n"
            + "      |                       ^~~\n"
            + warn + ":5:5: warning: parameter 'tau' is never used [SYN091]\n"
            + "    5 |     tau = 4 ms  \"decay time constant\"\n"
            + "      |     ^~~\n"
            + "2 errors, 1 warning in 3 files\n",
        run.err());
  }

  @Test
  void aDirectoryIsADiagnostic() {
    CliRun run = CliRun.of("check", dir.toString());

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals(dir + ": error: cannot read file: is a directory [SYN100]\n1 error in 1 file\n", run.err());
  }
}
