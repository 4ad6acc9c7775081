package io.cleft.runtime;

/**
 * N synapses of one model as a struct of arrays: the fast path. Each method is one loop over
 * all synapses, with no allocation, boxing or virtual calls inside.
 */
public interface SynapsePopulation {
  int size();

  SynapseMetadata metadata();

  /**
   * The live array of a parameter across the population, by unprefixed name; writes take
   * effect from the next call. Throws IllegalArgumentException for an unknown name.
   */
  double[] parameter(String name);

  /** The live array of a state across the population, by unprefixed name. */
  double[] state(String name);

  /** Advances every synapse's states by one step of {@code dt} ms. */
  void step(double dt, double[] voltages);

  /**
   * Adds each synapse's current (nA) to {@code current[postIndex[i]]} and its exact derivative
   * with respect to the postsynaptic voltage (uS) to {@code conductance[postIndex[i]]}: the
   * linearisation an implicit voltage solver needs, derived symbolically by the compiler.
   */
  void addCurrents(double[] voltages, double[] current, double[] conductance);
}
