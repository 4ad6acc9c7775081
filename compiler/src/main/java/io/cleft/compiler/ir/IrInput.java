package io.cleft.compiler.ir;

/**
 * The values a kernel gets from its caller: the time step (ms), the pre- and postsynaptic
 * voltages (mV), the time (ms: the step's start in the update, the event's time in a handler)
 * and an event's weight (in the handler argument's declared unit).
 */
public enum IrInput {
  DT,
  V_PRE,
  V_POST,
  T,
  WEIGHT
}
