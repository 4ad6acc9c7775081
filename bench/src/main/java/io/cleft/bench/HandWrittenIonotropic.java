package io.cleft.bench;

/**
 * Jaxley's IonotropicSynapse written by hand as fast as plain Java allows: struct of arrays,
 * one loop per pass, the exact derivative written out, nothing shared with cleft's output. It is
 * the yardstick the generated population is measured against.
 */
final class HandWrittenIonotropic {
  final int size;
  final int[] pre;
  final int[] post;
  final double[] gS;
  final double[] eSyn;
  final double[] kMinus;
  final double[] vTh;
  final double[] delta;
  final double[] s;

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
    java.util.Arrays.fill(array, value);
    return array;
  }

  void step(double dt, double[] voltages) {
    for (int i = 0; i < size; i++) {
      double sInf = 1.0 / (1.0 + Math.exp(Math.min((vTh[i] - voltages[pre[i]]) / delta[i], 20.0)));
      double tau = (1.0 - sInf) / kMinus[i];
      double e = Math.exp(Math.min(-1.0 / tau * dt, 20.0));
      s[i] = s[i] * e + sInf * (1.0 - e);
    }
  }

  void addCurrents(double[] voltages, double[] current, double[] conductance) {
    for (int i = 0; i < size; i++) {
      int p = post[i];
      double g = gS[i] * s[i];
      current[p] += g * (voltages[p] - eSyn[i]);
      conductance[p] += g;
    }
  }
}
