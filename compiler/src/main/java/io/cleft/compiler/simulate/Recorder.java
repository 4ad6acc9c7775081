package io.cleft.compiler.simulate;

import io.cleft.runtime.Delivery;

/**
 * What a simulation loop tells about its progress, for recording: when the currents of a row
 * are computed, when a row ends, and (as a {@link Delivery}) each event delivered.
 */
interface Recorder extends Delivery {
  /**
   * The current values of the row being made are the current block's now, at time {@code t}
   * and {@code voltages}, from the states as they are now.
   */
  void captureCurrents(double t, double[] voltages);

  /** The row at time {@code t} ends: the states as they are now, the compartment at {@code v}. */
  void endRow(double t, double v);

  /** Everything recorded. */
  Trace trace();
}
