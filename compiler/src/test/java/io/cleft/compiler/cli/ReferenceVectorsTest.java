package io.cleft.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cleft's IonotropicSynapse against vectors computed by Jaxley's own code (see
 * src/test/resources/reference/README.md): one update step and the current, 250 rows.
 */
class ReferenceVectorsTest {
  private static final String VECTORS = "src/test/resources/reference/jaxley/IonotropicSynapse.csv";

  @TempDir Path dir;

  @Test
  void ionotropicSynapseMatchesJaxley() {
    String output = dir.resolve("out.csv").toString();

    CliRun run = CliRun.of("eval", TestModels.IONOTROPIC, "--input", VECTORS, "--output", output, "--check", "1e-12");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("checked 250 rows: worst relative error "), run.err());
    assertTrue(run.err().endsWith(", tolerance 1e-12\n"), run.err());
  }
}
