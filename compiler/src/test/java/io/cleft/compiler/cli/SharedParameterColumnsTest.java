package io.cleft.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shared parameter has one value for the whole population: {@code cleft eval} and
 * {@code cleft run --synapses} accept its column only when every row gives the same value,
 * and {@code --set} sets it for all.
 */
class SharedParameterColumnsTest {
  private static final String MODEL = "src/test/resources/good/SharedDecay.syn";

  @TempDir Path dir;

  @Test
  void evalReportsTheFirstRowWhereASharedColumnDiffers() {
    String input = TestModels.write(dir, "in.csv", "dt,v_pre,v_post,tau,g_max\n0.1,0,-70,4,1e-3\n0.1,0,-70,4,2e-3\n0.1,0,-70,5,1e-3\n0.1,0,-70,6,1e-3\n");
    CliRun run = CliRun.eval(MODEL, input);

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertEquals("", run.out());
    assertEquals(
        input + ":4:11: error: shared parameter tau is 5 on row 3 but 4 on row 1; a shared parameter has one value"
            + " for the whole population (declared at " + MODEL + ":11:12) [SYN151]\n"
            + "    4 | 0.1,0,-70,5,1e-3\n"
            + "      |           ^\n",
        run.err());
  }

  @Test
  void evalTakesASharedColumnThatIsOneValueAndPerSynapseColumnsThatVary() {
    String input = TestModels.write(dir, "in.csv", "dt,v_pre,v_post,tau,g_max\n0.1,0,-70,4,1e-3\n0.1,10,-60,4,2e-3\n");
    CliRun shared = CliRun.eval(MODEL, input);
    assertEquals(ExitCodes.OK, shared.exitCode(), shared.err());
    assertEquals(3, shared.out().strip().split("\n").length, shared.out());
    // The interpreter agrees with the generated population on the same rows.
    CliRun interpreted = CliRun.eval(MODEL, input, "--interpret");
    assertEquals(shared.out(), interpreted.out());
  }

  @Test
  void runRejectsASynapseTableWhoseSharedColumnDiffers() {
    String synapses = TestModels.write(dir, "synapses.csv", "g_max,e_rev\n1e-3,-70\n2e-3,-70\n1e-3,0\n");
    CliRun run = CliRun.of("run", MODEL, "--tstop", "1", "--synapses", synapses, "-o", dir.resolve("out.csv").toString());

    assertEquals(ExitCodes.FAILURE, run.exitCode());
    assertTrue(
        run.err().startsWith(
            synapses + ":4:6: error: shared parameter e_rev is 0 for synapse 2 but -70 for synapse 0; a shared parameter"
                + " has one value for every synapse (set it with --set e_rev=VALUE) [SYN151]\n"),
        run.err());
  }

  @Test
  void runTakesASharedColumnThatIsOneValueAndSetForEverySynapse() throws IOException {
    String synapses = TestModels.write(dir, "synapses.csv", "g_max,e_rev\n1e-3,-70\n2e-3,-70\n");
    CliRun table =
        CliRun.of("run", MODEL, "--tstop", "1", "--synapses", synapses, "--record", "g_rel", "-o", dir.resolve("a.csv").toString());
    assertEquals(ExitCodes.OK, table.exitCode(), table.err());
    CliRun set =
        CliRun.of(
            "run", MODEL, "--tstop", "1", "--synapses", synapses, "--set", "tau=1", "--record", "g_rel", "-o",
            dir.resolve("b.csv").toString());
    assertEquals(ExitCodes.OK, set.exitCode(), set.err());
    String slow = Files.readString(dir.resolve("a.csv"));
    String fast = Files.readString(dir.resolve("b.csv"));
    assertNotEquals(slow, fast, "--set tau=1 changes every synapse's decay");
  }
}
