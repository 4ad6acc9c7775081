package io.cleft.compiler.simulate;

/** A clamped voltage over time: a constant or a trace read from a file. */
interface VoltageSource {
  /** The voltage (mV) at time {@code t} (ms). */
  double at(double t);

  static VoltageSource constant(double millivolts) {
    return t -> millivolts;
  }
}
