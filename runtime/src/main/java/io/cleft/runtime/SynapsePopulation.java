package io.cleft.runtime;

/**
 * N synapses of one model as a struct of arrays: the fast path. Each method is one pass over
 * all synapses, with no allocation, boxing or virtual calls inside. A population is not safe
 * for use by more than one thread at a time.
 *
 * <p>Synapse {@code i} reads its presynaptic voltage from {@code voltages[preIndex[i]]} and its
 * postsynaptic voltage from {@code voltages[postIndex[i]]}; its current goes to compartment
 * {@code postIndex[i]}. The arrays of currents and conductances must not be the voltage array.
 */
public interface SynapsePopulation {
  int size();

  SynapseMetadata metadata();

  /**
   * The live array of a parameter across the population, by unprefixed name. After writing to
   * it, call {@link #parametersChanged()}. Throws IllegalArgumentException for an unknown name.
   */
  double[] parameter(String name);

  /**
   * Tells the population that parameter arrays were written. A population keeps what its model
   * computes from parameters alone (a decay factor {@code exp(-dt / tau)}, say) instead of
   * computing it in every step, and computes it again now. With assertions enabled
   * ({@code java -ea}), a step after a parameter was written without this call fails.
   */
  default void parametersChanged() {}

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

  /**
   * One step in Jaxley's order: advances the states by {@code dt} ms, then adds the currents of
   * the new states. The same as {@link #step} followed by {@link #addCurrents}, to the bit, in
   * one pass over the synapses instead of two.
   */
  default void advance(double dt, double[] voltages, double[] current, double[] conductance) {
    step(dt, voltages);
    addCurrents(voltages, current, conductance);
  }
}
