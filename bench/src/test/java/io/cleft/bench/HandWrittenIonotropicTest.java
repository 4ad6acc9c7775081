package io.cleft.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.cleft.models.IonotropicSynapse;
import io.cleft.runtime.SynapsePopulation;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The benchmark compares like with like: both hand-written loops compute what the generated
 * population computes, to the bit, over several steps with the benchmark's kind of wiring.
 */
class HandWrittenIonotropicTest {
  @ParameterizedTest(name = "{0} synapses")
  @ValueSource(ints = {1, 255, 256, 1000, 4097})
  void handWrittenLoopsGiveTheGeneratedPopulationsBits(int n) {
    SplittableRandom random = new SplittableRandom(n);
    int[] pre = random.ints(n, 0, n).toArray();
    int[] post = random.ints(n, 0, n).toArray();
    double[] voltages = random.doubles(n, -80, 40).toArray();
    SynapsePopulation generated = new IonotropicSynapse().newPopulation(pre, post);
    HandWrittenIonotropic strips = new HandWrittenIonotropic(pre, post);
    HandWrittenIonotropic oneLoop = new HandWrittenIonotropic(pre, post);
    double[][] current = new double[3][n];
    double[][] conductance = new double[3][n];
    for (int step = 0; step < 5; step++) {
      generated.advance(0.025, voltages, current[0], conductance[0]);
      strips.advance(0.025, voltages, current[1], conductance[1]);
      oneLoop.advanceInOneLoop(0.025, voltages, current[2], conductance[2]);
      for (int k = 1; k < 3; k++) {
        assertArrayEquals(generated.state("s"), k == 1 ? strips.s : oneLoop.s, "states, step " + step);
        assertArrayEquals(current[0], current[k], "current, step " + step);
        assertArrayEquals(conductance[0], conductance[k], "conductance, step " + step);
      }
    }
  }
}
