package io.cleft.compiler.ir;

import io.cleft.compiler.model.SynapseModel;

/**
 * A synapse lowered for execution.
 *
 * @param model the checked model, for names, defaults, units, docs and source lines
 * @param invariants values that read only parameters, constants and {@code dt}, which the
 *     other blocks read as {@code Invariant(k)}; it has no results, and inside it
 *     {@code Local(k)} is the k-th of them. Empty until the optimizer hoists values into it.
 * @param update one step: its results are the states after the step, one per state in
 *     declaration order and declared unit (a state the model never updates yields {@code State(i)})
 * @param current from the states alone: results are the current (nA), then its exact
 *     derivative with respect to {@code v_post} (uS)
 */
public record IrProgram(SynapseModel model, IrBlock invariants, IrBlock update, IrBlock current) {
  public static final int CURRENT = 0;
  public static final int CONDUCTANCE = 1;

  /** A program with nothing hoisted yet, as lowering produces it. */
  public IrProgram(SynapseModel model, IrBlock update, IrBlock current) {
    this(model, new IrBlock(java.util.List.of(), java.util.List.of()), update, current);
  }
}
