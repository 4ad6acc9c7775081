package io.cleft.runtime;

/**
 * N synapses of one model as a struct of arrays: the fast path. Each method is one pass over
 * all synapses, with no allocation, boxing or virtual calls inside. A population is not safe
 * for use by more than one thread at a time.
 *
 * <p>Synapse {@code i} reads its presynaptic voltage from {@code voltages[preIndex[i]]} and its
 * postsynaptic voltage from {@code voltages[postIndex[i]]}; its current goes to compartment
 * {@code postIndex[i]}. Each method first checks, in O(1), that its arrays reach every
 * compartment a synapse uses and that the currents, conductances and voltages are three
 * different arrays, and throws IllegalArgumentException naming the synapse, its index and the
 * array's length otherwise.
 *
 * <p>Parameters are reached through {@link ParameterArray} views, so that what a population
 * keeps from them is always current; states are live arrays, since nothing is kept from them
 * between calls.
 */
public interface SynapsePopulation {
  int size();

  SynapseMetadata metadata();

  /**
   * A parameter across the population, by unprefixed name: the view through which it is read
   * and written, which keeps what the population computes from it current and rejects values
   * outside the declared range. Throws IllegalArgumentException for an unknown name.
   */
  ParameterArray parameter(String name);

  /**
   * The live array of a state across the population, by unprefixed name. Throws
   * IllegalArgumentException for an unknown name.
   */
  double[] state(String name);

  /**
   * Turns checked mode on or off (it starts off). In checked mode, {@link #step} and
   * {@link #advance} check every state they compute, and {@link #addCurrents} and
   * {@link #advance} every current and conductance, and throw {@link InvalidValueException} for
   * the first synapse with a state that is NaN or outside its declared range or a current that
   * is NaN, naming the model line that computed it. The check runs after each strip of 256
   * synapses: the strips before it are done, and the currents of its own strip are not added.
   * Off, it costs one test of a field per strip.
   */
  void checked(boolean on);

  /** Whether checked mode is on. */
  boolean isChecked();

  /**
   * Advances every synapse's states by one step of {@code dt} ms: {@link #step(double, double,
   * double[])} for a model that does not read {@code t} (IllegalStateException for one that does).
   */
  default void step(double dt, double[] voltages) {
    PopulationSupport.requireTimeless(metadata(), "step(t, dt, voltages)");
    step(0, dt, voltages);
  }

  /**
   * Adds each synapse's current (nA) to {@code current[postIndex[i]]} and its exact derivative
   * with respect to the postsynaptic voltage (uS) to {@code conductance[postIndex[i]]}: the
   * linearisation an implicit voltage solver needs, derived symbolically by the compiler.
   */
  default void addCurrents(double[] voltages, double[] current, double[] conductance) {
    PopulationSupport.requireTimeless(metadata(), "addCurrents(t, voltages, current, conductance)");
    addCurrents(0, voltages, current, conductance);
  }

  /**
   * One step in Jaxley's order: advances the states by {@code dt} ms, then adds the currents of
   * the new states. The same as {@link #step} followed by {@link #addCurrents}, to the bit, in
   * one pass over the synapses instead of two.
   */
  default void advance(double dt, double[] voltages, double[] current, double[] conductance) {
    PopulationSupport.requireTimeless(metadata(), "advance(t, dt, voltages, current, conductance)");
    advance(0, dt, voltages, current, conductance);
  }

  // ------------------------------------------------------------------------------------------
  // Time and events. The calls above without a time are these for models that do not read t.

  /**
   * Sets every synapse's states to their initial values, computed by the model's
   * {@code initial} block from the synapse's parameters as they are now (the declared initial
   * value for a state the block does not set). A new population starts so.
   */
  void initialize();

  /** {@link #step(double, double[])} for the step that starts at time {@code t} (ms). */
  void step(double t, double dt, double[] voltages);

  /** {@link #addCurrents(double[], double[], double[])} at time {@code t} (ms). */
  void addCurrents(double t, double[] voltages, double[] current, double[] conductance);

  /**
   * {@link #advance(double, double[], double[], double[])} for the step that starts at {@code t}:
   * {@link #step(double, double, double[])} then {@link #addCurrents(double, double[], double[],
   * double[])}, to the bit; generated populations do it in one pass.
   */
  default void advance(double t, double dt, double[] voltages, double[] current, double[] conductance) {
    step(t, dt, voltages);
    addCurrents(t, voltages, current, conductance);
  }

  /**
   * Writes into {@code out[i]} synapse i's value of a named value of the current block (one of
   * {@link SynapseMetadata#currentValues()}, or {@code "i"} for the current itself, nA), as
   * {@link #addCurrents(double, double[], double[], double[])} computes it at time {@code t}
   * from the states as they are now. For recording; it changes nothing. Throws
   * IllegalArgumentException for an unknown name or an {@code out} shorter than the population.
   */
  void currentValues(String name, double t, double[] voltages, double[] out);

  /**
   * Runs the model's {@code on pre} handler for synapse {@code synapse}: a presynaptic spike
   * that arrives at time {@code t} (ms, the handler's {@code t}) with {@code weight} (in the
   * unit of the handler's weight argument; ignored if it has none). Does nothing for a model
   * without the handler. Throws IndexOutOfBoundsException for a synapse outside the population.
   */
  void deliverPre(int synapse, double t, double weight);

  /**
   * Runs the model's {@code on post} handler, at time {@code t} (ms), for every synapse whose
   * postsynaptic compartment is {@code compartment}, in increasing synapse order; O(number of
   * those synapses), without allocation. Does nothing for a model without the handler or for a
   * compartment no synapse reaches, a negative one included: compartments are the simulator's,
   * and a spike where no synapse listens reaches none (a synapse index, in {@link #deliverPre},
   * must be one of the population's).
   */
  void deliverPost(int compartment, double t);

  // ------------------------------------------------------------------------------------------
  // Threads: one step of advance cut into ranges of synapses. ParallelAdvance uses these; a
  // simulator with threads of its own may call them directly. Populations the compiler did not
  // generate throw UnsupportedOperationException.

  /**
   * The work of {@link #advance(double, double, double[], double[], double[])} done once per
   * step and not per range: the values the population keeps for {@code dt}, computed again if
   * {@code dt} changed or a parameter was written. Call it once, on one thread, before the
   * ranges of each step; the ranges throw IllegalStateException if the values they read are
   * not those of their {@code dt}.
   */
  default void beginAdvance(double dt) {
    throw PopulationSupport.noRanges(metadata());
  }

  /**
   * {@link #advance(double, double, double[], double[], double[])} for synapses {@code from} to
   * {@code to - 1} only: their states advance and their currents are added into the
   * compartments, each compartment's in increasing synapse order. After {@link #beginAdvance},
   * ranges of one step may run at the same time on different threads if no two of them hold
   * synapses of the same postsynaptic compartment (and none overlaps another or an
   * {@link #advanceRangeInto} range); nothing else may touch the population (no parameter or
   * state written, no event delivered) until they have all returned. Each thread gets its own
   * scratch the first time it runs a range of this population.
   *
   * <p>Run over ranges that together are every synapse once, in any order, it gives the bits
   * of {@code advance} when each compartment's synapses are all in one range (so, with
   * synapses sorted by compartment, ranges cut where the compartment changes).
   */
  default void advanceRange(
      double t, double dt, double[] voltages, double[] current, double[] conductance, int from, int to) {
    throw PopulationSupport.noRanges(metadata());
  }

  /**
   * {@link #advanceRange} with the currents written instead of added: synapse {@code i}'s
   * current into {@code synapseCurrent[i]} and its derivative into {@code synapseConductance[i]}
   * (arrays of at least one entry per synapse), for {@code i} from {@code from} to
   * {@code to - 1}. Ranges that do not overlap may run at the same time, wherever they are cut.
   * Adding each compartment's entries in increasing synapse order afterwards gives the bits of
   * {@code advance}.
   */
  default void advanceRangeInto(
      double t, double dt, double[] voltages, double[] synapseCurrent, double[] synapseConductance, int from, int to) {
    throw PopulationSupport.noRanges(metadata());
  }

  /** A copy of the postsynaptic compartment of each synapse, as the population was made with. */
  default int[] postIndices() {
    throw PopulationSupport.noRanges(metadata());
  }

  /**
   * Whether a synapse's bits depend on where the strip it is stepped in starts, so that ranges
   * give the one-threaded bits only when they start at multiples of {@link
   * PopulationSupport#STRIP_SIZE}. True in SIMD mode: a kernel sends the elements after its last
   * whole vector through CleftMath, whose bits may differ from the vector lanes'. {@link
   * ParallelAdvance} then always cuts there.
   */
  default boolean rangesMustStartAtStrips() {
    return false;
  }
}
