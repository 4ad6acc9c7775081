package io.cleft.bench;

import java.util.SplittableRandom;

/**
 * The wiring and voltages of IonotropicBenchmark: for each
 * synapse in turn, its presynaptic and postsynaptic compartment among N and then compartment i's
 * voltage in [-80, 40) mV. bench/c/ionotropic.c draws the same numbers from its own copy of
 * SplittableRandom's algorithm, so the C baseline and the Java populations step the same synapses.
 */
record IonotropicInputs(int[] pre, int[] post, double[] voltages) {
  /** IonotropicBenchmark's seed. */
  static final long SEED = 42;

  /** IonotropicBenchmark's time step (ms), which bench/c/ionotropic.c uses too. */
  static final double DT = 0.025;

  static IonotropicInputs seeded(int n) {
    SplittableRandom random = new SplittableRandom(SEED);
    int[] pre = new int[n];
    int[] post = new int[n];
    double[] voltages = new double[n];
    for (int i = 0; i < n; i++) {
      pre[i] = random.nextInt(n);
      post[i] = random.nextInt(n);
      voltages[i] = random.nextDouble(-80, 40);
    }
    return new IonotropicInputs(pre, post, voltages);
  }
}
