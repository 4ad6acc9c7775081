package io.cleft.runtime;

/**
 * What carries a presynaptic spike to each synapse of a population: per synapse a delay (ms)
 * and a weight, as NEURON's NetCon has. A spike of the synapse's source at {@code t} becomes a
 * PRE event for the synapse at {@code t + delay} with the synapse's weight ({@link #spike}).
 *
 * <p>Every delay starts at 0 ms and every weight at 0 (NEURON's NetCon weight; its delay
 * defaults to 1 ms, but a zero delay is what a replayed spike train needs, and is set explicitly
 * in NEURON by every script that replays one). A synapse that receives spikes with different
 * weights, as several NetCons onto one NEURON point process do, is served by scheduling those
 * events on the {@link EventQueue} directly.
 */
public final class Connections {
  private final double[] delays;
  private final double[] weights;

  /** Connections for {@code synapses} synapses, numbered as in their population. */
  public Connections(int synapses) {
    if (synapses < 0) {
      throw new IllegalArgumentException("a population cannot have " + synapses + " synapses");
    }
    delays = new double[synapses];
    weights = new double[synapses];
  }

  /** The number of synapses. */
  public int size() {
    return delays.length;
  }

  /** Synapse {@code synapse}'s delay, ms. */
  public double delay(int synapse) {
    return delays[checkSynapse(synapse)];
  }

  /** Synapse {@code synapse}'s weight. */
  public double weight(int synapse) {
    return weights[checkSynapse(synapse)];
  }

  /**
   * Sets synapse {@code synapse}'s delay (ms). Throws IllegalArgumentException, naming the
   * synapse, for a delay that is negative, NaN or infinite: a spike cannot arrive before it was
   * sent, nor never.
   */
  public void setDelay(int synapse, double delay) {
    checkSynapse(synapse);
    if (!(delay >= 0) || delay == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "delay of synapse " + synapse + ": " + delay + " ms is not a finite number >= 0");
    }
    delays[synapse] = delay;
  }

  /**
   * Sets synapse {@code synapse}'s weight. Throws IllegalArgumentException, naming the synapse,
   * for NaN or an infinite weight.
   */
  public void setWeight(int synapse, double weight) {
    checkSynapse(synapse);
    if (!Double.isFinite(weight)) {
      throw new IllegalArgumentException("weight of synapse " + synapse + ": " + weight + " is not a finite number");
    }
    weights[synapse] = weight;
  }

  /**
   * A presynaptic spike for {@code synapse} at {@code t} (ms): schedules on {@code queue} a PRE
   * event for the synapse at {@code t + delay(synapse)} with {@code weight(synapse)}, as NEURON's
   * NetCon sends an event for {@code t + delay}. Throws IllegalArgumentException for a {@code t}
   * that is not finite.
   */
  public void spike(EventQueue queue, int synapse, double t) {
    checkSynapse(synapse);
    queue.schedulePre(t + delays[synapse], synapse, weights[synapse]);
  }

  private int checkSynapse(int synapse) {
    if (synapse < 0 || synapse >= delays.length) {
      throw new IndexOutOfBoundsException(
          "synapse " + synapse + " is outside the connections of " + delays.length + " synapses");
    }
    return synapse;
  }
}
