package io.cleft.bench;

import java.util.Arrays;

/**
 * Jaxley's IonotropicSynapse written by hand, nothing shared with cleft's output: the yardstick
 * the generated population is measured against. One simulation step in Jaxley's order: the
 * states advance with the voltages, then the current of the new states and its exact derivative
 * with respect to the postsynaptic voltage are added into the compartments.
 *
 * <p>{@link #advance} is as fast as we could make plain Java: synapses in strips of 256; per
 * strip, the scattered voltage reads in tight loops of their own, arithmetic in loops that the
 * JIT vectorises, each exp in a loop of independent calls, and the sums into compartments last.
 * {@link #advanceInOneLoop} is the loop anyone would write first, kept to show what the strips
 * buy.
 */
final class HandWrittenIonotropic {
  private static final int STRIP = 256;

  final int size;
  final int[] pre;
  final int[] post;
  final double[] gS;
  final double[] eSyn;
  final double[] kMinus;
  final double[] vTh;
  final double[] delta;
  final double[] s;

  private final double[] vPre = new double[STRIP];
  private final double[] vPost = new double[STRIP];
  private final double[] activationArgument = new double[STRIP];
  private final double[] activationExp = new double[STRIP];
  private final double[] sInf = new double[STRIP];
  private final double[] decayArgument = new double[STRIP];
  private final double[] decay = new double[STRIP];
  private final double[] stripCurrent = new double[STRIP];
  private final double[] stripConductance = new double[STRIP];

  HandWrittenIonotropic(int[] pre, int[] post) {
    this.size = pre.length;
    this.pre = pre.clone();
    this.post = post.clone();
    gS = filled(1e-4);
    eSyn = filled(0.0);
    kMinus = filled(0.025);
    vTh = filled(-35.0);
    delta = filled(10.0);
    s = filled(0.2);
  }

  private double[] filled(double value) {
    double[] array = new double[size];
    Arrays.fill(array, value);
    return array;
  }

  void advance(double dt, double[] voltages, double[] current, double[] conductance) {
    for (int start = 0; start < size; start += STRIP) {
      int count = Math.min(STRIP, size - start);
      for (int j = 0; j < count; j++) {
        vPre[j] = voltages[pre[start + j]];
      }
      for (int j = 0; j < count; j++) {
        vPost[j] = voltages[post[start + j]];
      }
      for (int j = 0; j < count; j++) {
        activationArgument[j] = Math.min((vTh[start + j] - vPre[j]) / delta[start + j], 20.0);
      }
      for (int j = 0; j < count; j++) {
        activationExp[j] = Math.exp(activationArgument[j]);
      }
      for (int j = 0; j < count; j++) {
        double inf = 1.0 / (1.0 + activationExp[j]);
        sInf[j] = inf;
        double tau = (1.0 - inf) / kMinus[start + j];
        decayArgument[j] = Math.min(-1.0 / tau * dt, 20.0);
      }
      for (int j = 0; j < count; j++) {
        decay[j] = Math.exp(decayArgument[j]);
      }
      for (int j = 0; j < count; j++) {
        int i = start + j;
        double e = decay[j];
        double next = s[i] * e + sInf[j] * (1.0 - e);
        s[i] = next;
        double g = gS[i] * next;
        stripCurrent[j] = g * (vPost[j] - eSyn[i]);
        stripConductance[j] = g;
      }
      for (int j = 0; j < count; j++) {
        int p = post[start + j];
        current[p] += stripCurrent[j];
        conductance[p] += stripConductance[j];
      }
    }
  }

  void advanceInOneLoop(double dt, double[] voltages, double[] current, double[] conductance) {
    for (int i = 0; i < size; i++) {
      double inf = 1.0 / (1.0 + Math.exp(Math.min((vTh[i] - voltages[pre[i]]) / delta[i], 20.0)));
      double tau = (1.0 - inf) / kMinus[i];
      double e = Math.exp(Math.min(-1.0 / tau * dt, 20.0));
      double next = s[i] * e + inf * (1.0 - e);
      s[i] = next;
      int p = post[i];
      double g = gS[i] * next;
      current[p] += g * (voltages[p] - eSyn[i]);
      conductance[p] += g;
    }
  }
}
