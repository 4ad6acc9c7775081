package io.cleft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.cleft.compiler.load.InMemoryCompiler;
import io.cleft.runtime.SynapsePopulation;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ablation's edits still match the emitter's SIMD output (a change there fails this build,
 * not a benchmark run later), every variant compiles, and each edit changes what the step does.
 */
class SimdAblationTest {
  @Test
  void everyVariantCompilesAndOnlyTheFirstDoesTheBenchmarksWork() throws IOException {
    List<String> sources = SimdAblation.sources(IonotropicBenchmark.program());
    assertEquals(SimdAblation.VARIANTS.size(), sources.size());
    IonotropicInputs inputs = IonotropicInputs.seeded(600);
    double[][] currents = new double[sources.size()][];
    for (int v = 0; v < sources.size(); v++) {
      SynapsePopulation population =
          InMemoryCompiler.load("ablation.v" + v + ".IonotropicSynapse", sources.get(v)).newPopulation(inputs.pre(), inputs.post());
      currents[v] = new double[600];
      population.advance(IonotropicInputs.DT, inputs.voltages(), currents[v], new double[600]);
    }
    IonotropicChecksum.Result expected = IonotropicChecksum.run(600, 1);
    for (int k = 0; k < 600; k++) {
      // SIMD mode is not bit for bit: within its bound of the default mode's current.
      assertEquals(expected.current()[k], currents[0][k], 1e-12 * Math.abs(expected.current()[k]) + 1e-300, "compartment " + k);
    }
    for (int v = 1; v < sources.size(); v++) {
      String name = SimdAblation.VARIANTS.get(v).name();
      assertFalse(Arrays.equals(currents[0], currents[v]), name + " still computes the generated step's currents");
      assertNotEquals(sources.get(0).replace("ablation.v0", "ablation.v" + v), sources.get(v), name + " edits nothing");
    }
    assertEquals(0.0, Arrays.stream(currents[1]).map(Math::abs).sum(), "no scatter: no current reaches a compartment");
  }
}
