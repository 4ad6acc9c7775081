package io.cleft.compiler.evaluate;

import io.cleft.runtime.ArraySynapse;
import io.cleft.runtime.Quantity;
import io.cleft.runtime.SynapsePopulation;
import java.util.Arrays;
import java.util.List;

/**
 * {@code cleft eval --simd}: each row runs through the strip loops of the class generated in
 * SIMD mode, where the calls of exp and its kind go to the array kernels, rather than through
 * the class's per-synapse {@code update}, which SIMD mode leaves as it is. A row becomes a
 * population of {@link #COPIES} identical synapses, so that the kernels fill whole vectors;
 * each copy has a compartment of its own, so that a copy's current is not summed with the
 * others'. The first copy's states and current are the row's.
 */
final class PopulationRunner implements ModelRunner {
  /** A whole number of vectors of doubles at every width up to 1024 bits. */
  static final int COPIES = 16;

  private final ArraySynapse synapse;
  private final List<Quantity> states;
  private final int[] preIndex = new int[COPIES];
  private final int[] postIndex = new int[COPIES];

  /** @param synapse the class generated in SIMD mode (from {@link ModelRunner#generated}) */
  PopulationRunner(ArraySynapse synapse) {
    this.synapse = synapse;
    this.states = synapse.metadata().states();
    for (int i = 0; i < COPIES; i++) {
      postIndex[i] = 1 + i; // compartment 0 is the presynaptic voltage's
    }
  }

  @Override
  public double[] initial(double[] parameterValues) {
    return initialStates(synapse, preIndex, postIndex, parameterValues);
  }

  /**
   * The generated population's {@code initialize()} on synapses wired so, all with these
   * parameters (fill also takes a shared parameter); the first synapse's initial states.
   */
  static double[] initialStates(ArraySynapse synapse, int[] preIndex, int[] postIndex, double[] parameterValues) {
    SynapsePopulation population = filled(synapse, preIndex, postIndex, parameterValues);
    population.initialize();
    return firstStates(synapse, population);
  }

  @Override
  public double[] update(double[] parameterValues, double[] stateValues, double t, double dt, double vPre, double vPost) {
    SynapsePopulation population = population(parameterValues, stateValues);
    population.step(t, dt, voltages(vPre, vPost));
    return firstStates(synapse, population);
  }

  @Override
  public double current(double[] parameterValues, double[] stateValues, double t, double vPre, double vPost) {
    SynapsePopulation population = population(parameterValues, stateValues);
    double[] current = new double[1 + COPIES];
    population.addCurrents(t, voltages(vPre, vPost), current, new double[1 + COPIES]);
    return current[postIndex[0]];
  }

  private static SynapsePopulation filled(ArraySynapse synapse, int[] preIndex, int[] postIndex, double[] parameterValues) {
    SynapsePopulation population = synapse.newPopulation(preIndex, postIndex);
    List<Quantity> parameters = synapse.metadata().parameters();
    for (int p = 0; p < parameterValues.length; p++) {
      population.parameter(parameters.get(p).name()).fill(parameterValues[p]);
    }
    return population;
  }

  private SynapsePopulation population(double[] parameterValues, double[] stateValues) {
    SynapsePopulation population = filled(synapse, preIndex, postIndex, parameterValues);
    for (int s = 0; s < stateValues.length; s++) {
      Arrays.fill(population.state(states.get(s).name()), stateValues[s]);
    }
    return population;
  }

  private static double[] voltages(double vPre, double vPost) {
    double[] voltages = new double[1 + COPIES];
    Arrays.fill(voltages, vPost);
    voltages[0] = vPre;
    return voltages;
  }

  private static double[] firstStates(ArraySynapse synapse, SynapsePopulation population) {
    return synapse.metadata().states().stream().mapToDouble(s -> population.state(s.name())[0]).toArray();
  }
}
