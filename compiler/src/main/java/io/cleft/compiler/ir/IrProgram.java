package io.cleft.compiler.ir;

import io.cleft.compiler.model.SynapseModel;

/**
 * A synapse lowered for execution.
 *
 * @param model the checked model, for names, defaults, units, docs and source lines
 * @param update one step: its results are the states after the step, one per state in
 *     declaration order and declared unit (a state the model never updates yields {@code State(i)})
 * @param current from the states alone: results are the current (nA), then its exact
 *     derivative with respect to {@code v_post} (uS)
 */
public record IrProgram(SynapseModel model, IrBlock update, IrBlock current) {
  public static final int CURRENT = 0;
  public static final int CONDUCTANCE = 1;
}
