package io.cleft.compiler.simulate;

import io.cleft.runtime.SynapseMetadata;
import java.util.List;
import java.util.Optional;

/**
 * Brian2's pair STDP by hand, with event-driven traces: at an event at t, Apre and Apost decay
 * exactly over t - lastupdate, then on pre Apre += dApre, w = clip(w + Apost, 0, wmax); on post
 * Apost += dApost, w = clip(w + Apre, 0, wmax); lastupdate = t. w starts at w0 (the model's
 * initial block). No current. A stand-in for the compiled PairStdp.syn.
 */
final class PairStdpPopulation extends HandWrittenPopulation {
  static final SynapseMetadata METADATA =
      new SynapseMetadata(
          "PairStdp",
          "",
          List.of(
              quantity("taupre", 20, "ms"),
              quantity("taupost", 20, "ms"),
              quantity("dApre", 0.01, ""),
              quantity("dApost", -0.0105, ""),
              quantity("wmax", 1, ""),
              quantity("w0", 0.5, "")),
          List.of(quantity("w", 0.5, ""), quantity("Apre", 0, ""), quantity("Apost", 0, ""), quantity("lastupdate", 0, "ms")),
          List.of(),
          Optional.empty(),
          true,
          true,
          false);

  private static final int TAUPRE = 0;
  private static final int TAUPOST = 1;
  private static final int DAPRE = 2;
  private static final int DAPOST = 3;
  private static final int WMAX = 4;
  private static final int W0 = 5;
  private static final int W = 0;
  private static final int APRE = 1;
  private static final int APOST = 2;
  private static final int LASTUPDATE = 3;

  PairStdpPopulation(int[] preIndex, int[] postIndex) {
    super(METADATA, preIndex, postIndex);
  }

  @Override
  public void initialize() {
    super.initialize();
    System.arraycopy(parameters[W0], 0, states[W], 0, size());
  }

  @Override
  public void step(double t, double dt, double[] voltages) {}

  @Override
  public void addCurrents(double t, double[] voltages, double[] current, double[] conductance) {}

  @Override
  public void currentValues(String name, double t, double[] voltages, double[] out) {
    java.util.Arrays.fill(out, 0, size(), 0);
  }

  @Override
  public void deliverPre(int k, double t, double weight) {
    decay(k, t);
    states[APRE][k] += parameters[DAPRE][k];
    states[W][k] = clip(states[W][k] + states[APOST][k], 0, parameters[WMAX][k]);
  }

  @Override
  public void deliverPost(int compartment, double t) {
    for (int k = 0; k < size(); k++) {
      if (postIndex[k] == compartment) {
        decay(k, t);
        states[APOST][k] += parameters[DAPOST][k];
        states[W][k] = clip(states[W][k] + states[APRE][k], 0, parameters[WMAX][k]);
      }
    }
  }

  private void decay(int k, double t) {
    double elapsed = t - states[LASTUPDATE][k];
    states[APRE][k] *= Math.exp(-elapsed / parameters[TAUPRE][k]);
    states[APOST][k] *= Math.exp(-elapsed / parameters[TAUPOST][k]);
    states[LASTUPDATE][k] = t;
  }

  private static double clip(double value, double low, double high) {
    return Math.min(Math.max(value, low), high);
  }
}
