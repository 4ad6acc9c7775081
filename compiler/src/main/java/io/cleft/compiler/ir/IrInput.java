package io.cleft.compiler.ir;

/** The per-step inputs: time step (ms), pre- and postsynaptic voltage (mV). */
public enum IrInput {
  DT,
  V_PRE,
  V_POST
}
