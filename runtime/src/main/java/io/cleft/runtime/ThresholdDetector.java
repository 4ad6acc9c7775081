package io.cleft.runtime;

import java.util.Arrays;

/**
 * Turns presynaptic voltages into spikes, as NEURON's NetCon threshold (its PreSyn) does: each
 * source is a compartment with a threshold (mV); it spikes when its voltage is above the
 * threshold at a check and was not at the previous one, and cannot spike again until its voltage
 * has been at or below the threshold at some check. A new detector, or one after {@link #reset},
 * counts every source as below, as NEURON's {@code finitialize} clears the flag: a source above
 * its threshold at the first check spikes then.
 *
 * <p>NEURON's fixed step checks thresholds at the start of each step, with the voltages the
 * previous step ended with, and gives a spike the step's start time {@code t}; a spike with
 * delay 0 is then due ({@code t <= t + dt/2}) and delivered in the same step. Just before that
 * check, at the end of the previous step, NEURON has already delivered the events due by
 * {@code t + dt/2}, so those come before any spike the check sends. A simulator that follows
 * NEURON therefore does, at the start of the step from {@code t} to {@code t + dt}:
 *
 * <pre>{@code
 * queue.deliverDue(population, t, dt); // what NEURON delivers at the end of the previous step
 * detector.check(t, voltages, spikes);  // spikes stamped t
 * queue.deliverDue(population, t, dt); // spikes with a delay of at most dt/2 arrive now
 *
 * // with, made once: which synapses a source drives is the simulator's choice (one, several, none)
 * SpikeListener spikes = (source, time) -> {
 *   for (int synapse : synapsesOfSource[source]) {
 *     connections.spike(queue, synapse, time); // a PRE event at time + delay(synapse)
 *   }
 * };
 * }</pre>
 *
 * <p>Make the listener once, outside the loop, if it captures anything, so that a step
 * allocates nothing; the check itself allocates nothing.
 */
public final class ThresholdDetector {
  private final int[] compartments;
  private final double[] thresholds;
  /** NEURON's flag: whether the source was above its threshold at the previous check. */
  private final boolean[] above;
  /** The largest compartment, so that one comparison checks that the voltages reach them all. */
  private final int widestCompartment;

  /**
   * Sources {@code 0..n-1} watching {@code compartments[i]} with {@code thresholds[i]} (mV).
   * Throws IllegalArgumentException if the arrays differ in length, a compartment is negative
   * or a threshold is NaN or infinite. The arrays are copied.
   */
  public ThresholdDetector(int[] compartments, double[] thresholds) {
    if (compartments.length != thresholds.length) {
      throw new IllegalArgumentException(
          compartments.length + " compartments but " + thresholds.length + " thresholds");
    }
    int widest = -1;
    for (int source = 0; source < compartments.length; source++) {
      if (compartments[source] < 0) {
        throw new IllegalArgumentException(
            "source " + source + " has compartment " + compartments[source] + ", which is negative");
      }
      if (!Double.isFinite(thresholds[source])) {
        throw new IllegalArgumentException(
            "source " + source + " has threshold " + thresholds[source] + ", which is not a finite number");
      }
      widest = Math.max(widest, compartments[source]);
    }
    this.compartments = compartments.clone();
    this.thresholds = thresholds.clone();
    this.above = new boolean[compartments.length];
    this.widestCompartment = widest;
  }

  /** Sources watching {@code compartments[i]}, all with the same {@code threshold} (mV). */
  public ThresholdDetector(int[] compartments, double threshold) {
    this(compartments, filled(compartments.length, threshold));
  }

  /** The number of sources. */
  public int size() {
    return compartments.length;
  }

  /** The compartment source {@code source} watches. */
  public int compartment(int source) {
    return compartments[source];
  }

  /** Source {@code source}'s threshold, mV. */
  public double threshold(int source) {
    return thresholds[source];
  }

  /**
   * Checks every source at time {@code t} (ms) against {@code voltages} (mV, by compartment):
   * calls {@code listener.spike(source, t)}, in increasing source order, for each source whose
   * voltage is above its threshold now and was not at the previous check, and returns how many
   * spiked. A NaN voltage counts as not above. Throws IllegalArgumentException, before it
   * changes anything, if {@code voltages} does not reach every watched compartment.
   */
  public int check(double t, double[] voltages, SpikeListener listener) {
    if (widestCompartment >= voltages.length) {
      throw new IllegalArgumentException(
          "a source watches compartment " + widestCompartment + ", but voltages has only "
              + voltages.length + " entries");
    }
    int spikes = 0;
    for (int source = 0; source < compartments.length; source++) {
      if (voltages[compartments[source]] > thresholds[source]) {
        if (!above[source]) {
          above[source] = true;
          spikes++;
          listener.spike(source, t);
        }
      } else {
        above[source] = false;
      }
    }
    return spikes;
  }

  /** Counts every source as below its threshold again, for a new run. */
  public void reset() {
    Arrays.fill(above, false);
  }

  private static double[] filled(int length, double value) {
    double[] values = new double[length];
    Arrays.fill(values, value);
    return values;
  }
}
