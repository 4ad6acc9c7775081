package org.example.simd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cleft.runtime.vector.ArrayMath;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SimdPopulationTest {
  @Test
  void theKernelsUseTheVectorApi() {
    assertTrue(ArrayMath.vectorized());
  }

  @Test
  void thePopulationAgreesWithTheSynapseWithinTheBound() {
    int n = 1000;
    int[] pre = new int[n];
    int[] post = new int[n];
    double[] voltages = new double[n];
    Random random = new Random(5);
    for (int i = 0; i < n; i++) {
      pre[i] = random.nextInt(n);
      post[i] = random.nextInt(n);
      voltages[i] = -80 + 120 * random.nextDouble();
    }
    IonotropicSynapse synapse = new IonotropicSynapse();
    IonotropicSynapse.Population population = synapse.newPopulation(pre, post);
    population.step(0.025, voltages);
    double[] parameters = {1e-4, 0.0, 0.025, -35.0, 10.0};
    double[] next = new double[1];
    for (int i = 0; i < n; i++) {
      synapse.update(parameters, new double[] {0.2}, 0.0, 0.025, voltages[pre[i]], voltages[post[i]], next);
      assertTrue(Math.abs(population.s[i] - next[0]) <= 1e-12 * Math.abs(next[0]), "synapse " + i);
    }
  }
}
