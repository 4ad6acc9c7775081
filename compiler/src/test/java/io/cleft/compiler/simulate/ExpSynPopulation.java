package io.cleft.compiler.simulate;

import io.cleft.runtime.SynapseMetadata;
import java.util.List;
import java.util.Optional;

/**
 * NEURON's ExpSyn by hand: g' = -g/tau, advanced exactly as g * exp(-dt/tau); i = g * (v - e),
 * dI/dv = g; on pre, g += weight. A stand-in for the compiled ExpSyn.syn until the emitter
 * generates events.
 */
final class ExpSynPopulation extends HandWrittenPopulation {
  static final SynapseMetadata METADATA =
      new SynapseMetadata(
          "ExpSyn",
          "",
          List.of(quantity("tau", 2, "ms"), quantity("e", 0, "mV")),
          List.of(quantity("g", 0, "uS")),
          List.of(),
          Optional.of(quantity("weight", Double.NaN, "uS")),
          true,
          false,
          false);

  ExpSynPopulation(int[] preIndex, int[] postIndex) {
    super(METADATA, preIndex, postIndex);
  }

  private double[] tau() {
    return parameters[0];
  }

  private double[] e() {
    return parameters[1];
  }

  private double[] g() {
    return states[0];
  }

  @Override
  public void step(double t, double dt, double[] voltages) {
    log("step " + t);
    for (int k = 0; k < size(); k++) {
      g()[k] = g()[k] * Math.exp(-dt / tau()[k]);
    }
  }

  @Override
  public void addCurrents(double t, double[] voltages, double[] current, double[] conductance) {
    log("addCurrents " + t + " " + voltages[postIndex[0]]);
    for (int k = 0; k < size(); k++) {
      current[postIndex[k]] += g()[k] * (voltages[postIndex[k]] - e()[k]);
      conductance[postIndex[k]] += g()[k];
    }
  }

  @Override
  public void currentValues(String name, double t, double[] voltages, double[] out) {
    if (!name.equals("i")) {
      throw new IllegalArgumentException("no current value " + name);
    }
    for (int k = 0; k < size(); k++) {
      out[k] = g()[k] * (voltages[postIndex[k]] - e()[k]);
    }
  }

  @Override
  public void deliverPre(int synapse, double t, double weight) {
    log("deliverPre " + synapse + " " + t + " " + weight);
    g()[synapse] += weight;
  }

  @Override
  public void deliverPost(int compartment, double t) {}
}
