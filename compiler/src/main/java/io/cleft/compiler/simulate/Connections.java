package io.cleft.compiler.simulate;

/**
 * NEURON's NetCon per synapse: a delay (ms) and a weight. TEMPORARY stand-in for the runtime's
 * {@code Connections} (branch h-runtime), with its signatures; deleted when that branch is
 * merged.
 */
final class Connections {
  private final double[] delays;
  private final double[] weights;

  Connections(int size) {
    delays = new double[size];
    weights = new double[size];
  }

  void setDelay(int synapse, double delay) {
    if (!(delay >= 0) || Double.isInfinite(delay)) {
      throw new IllegalArgumentException("synapse " + synapse + ": delay " + delay + " is not a finite number >= 0");
    }
    delays[synapse] = delay;
  }

  void setWeight(int synapse, double weight) {
    weights[synapse] = weight;
  }

  double delay(int synapse) {
    return delays[synapse];
  }

  double weight(int synapse) {
    return weights[synapse];
  }

  /** A presynaptic spike at {@code t}: a PRE event at {@code t + delay} with the synapse's weight. */
  void spike(EventQueue queue, int synapse, double t) {
    queue.schedulePre(t + delays[synapse], synapse, weights[synapse]);
  }
}
