package io.cleft.compiler.ir;

/**
 * What a kernel of an {@link IrProgram} computes, and so what its results mean. Every kernel
 * reads the parameters, the states as they are when it runs, the program's invariants and the
 * inputs; states and results are in their declared units.
 */
public enum KernelKind {
  /** Run once when a synapse is created or reset: its results are the initial state values, one per state. */
  INITIAL,
  /** One time step: its results are the states after the step, one per state in declaration order. */
  UPDATE,
  /**
   * From the states alone: its results are the current (nA, at {@link IrProgram#CURRENT}), its
   * exact derivative with respect to {@code v_post} (uS, at {@link IrProgram#CONDUCTANCE}), then
   * the named values of the current block.
   */
  CURRENT,
  /** A presynaptic spike's handler: its results are the states after the handler, one per state. */
  ON_PRE,
  /** A postsynaptic spike's handler: its results are the states after the handler, one per state. */
  ON_POST
}
