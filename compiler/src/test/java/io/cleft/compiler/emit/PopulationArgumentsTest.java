package io.cleft.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cleft.compiler.ModelSources;
import io.cleft.compiler.load.InMemoryCompiler;
import io.cleft.compiler.optimize.Optimizer;
import io.cleft.runtime.Synapse;
import io.cleft.runtime.SynapsePopulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Index arrays and the arrays a call is given are checked once, with a message naming the
 * synapse, its index and the array's length, instead of failing inside a loop (an
 * ArrayIndexOutOfBoundsException halfway through a step, with half the states stepped).
 */
class PopulationArgumentsTest {
  /** IonotropicSynapse reads v_pre and v_post; three synapses, the last reaching compartment 4. */
  private static final Synapse IONOTROPIC =
      InMemoryCompiler.load(JavaEmitter.emit(Optimizer.optimize(ModelSources.program("IonotropicSynapse")), "io.cleft.models", false));

  @Test
  void aPresynapticIndexBeyondTheVoltagesIsNamedBeforeAnythingChanges() {
    SynapsePopulation population = IONOTROPIC.newPopulation(new int[] {0, 1, 4}, new int[] {1, 0, 1});
    double[] states = population.state("s").clone();
    double[] short4 = new double[4];
    assertMessage(
        "synapse 2 has preIndex 4, but voltages has only 4 entries",
        () -> population.step(0.025, short4));
    assertArrayEquals(states, population.state("s"), "no synapse was stepped");
    assertMessage(
        "synapse 2 has preIndex 4, but voltages has only 4 entries",
        () -> population.advance(0.025, short4, new double[4], new double[4]));
    assertMessage(
        "synapse 2 has preIndex 4, but voltages has only 4 entries",
        () -> population.addCurrents(short4, new double[4], new double[4]));
    population.advance(0.025, new double[5], new double[2], new double[2]); // post reaches only 1
  }

  @Test
  void currentAndConductanceMustReachEveryPostsynapticCompartment() {
    SynapsePopulation population = IONOTROPIC.newPopulation(new int[] {0, 0, 0}, new int[] {2, 7, 7});
    double[] voltages = new double[8];
    assertMessage(
        "synapse 1 has postIndex 7, but voltages has only 7 entries",
        () -> population.addCurrents(new double[7], new double[8], new double[8]));
    assertMessage(
        "synapse 1 has postIndex 7, but current has only 5 entries",
        () -> population.addCurrents(voltages, new double[5], new double[8]));
    assertMessage(
        "synapse 1 has postIndex 7, but conductance has only 7 entries",
        () -> population.advance(0.025, voltages, new double[8], new double[7]));
    assertMessage(
        "voltages, current and conductance must be three different arrays: the sums into one would change the others",
        () -> population.addCurrents(voltages, voltages, new double[8]));
    double[] same = new double[8];
    assertMessage(
        "voltages, current and conductance must be three different arrays: the sums into one would change the others",
        () -> population.advance(0.025, voltages, same, same));
  }

  @Test
  void indexArraysAreCheckedWhenThePopulationIsMade() {
    assertMessage(
        "preIndex has 2 entries but postIndex has 3: both need one entry per synapse",
        () -> IONOTROPIC.newPopulation(new int[2], new int[3]));
    assertMessage("postIndex[1] is negative: -5", () -> IONOTROPIC.newPopulation(new int[2], new int[] {0, -5}));
    assertMessage("preIndex[0] is negative: -1", () -> IONOTROPIC.newPopulation(new int[] {-1}, new int[1]));
    assertThrows(NullPointerException.class, () -> IONOTROPIC.newPopulation(null, new int[1]));
  }

  @Test
  void anEmptyPopulationAcceptsEmptyArrays() {
    SynapsePopulation population = IONOTROPIC.newPopulation(new int[0], new int[0]);
    population.advance(0.025, new double[0], new double[0], new double[0]);
    assertEquals(0, population.size());
  }

  @Test
  void theIndexArraysAreCopied() {
    int[] post = {0};
    SynapsePopulation population = IONOTROPIC.newPopulation(new int[] {0}, post);
    post[0] = 10; // would be beyond the arrays, if the population still read it
    double[] current = new double[1];
    population.addCurrents(new double[] {-60}, current, new double[1]);
    assertEquals(IONOTROPIC.computeCurrent(IONOTROPIC.defaultStates(), -60, -60, IONOTROPIC.defaultParameters()), current[0], 0.0);
  }

  private static void assertMessage(String expected, Executable call) {
    assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
  }
}
