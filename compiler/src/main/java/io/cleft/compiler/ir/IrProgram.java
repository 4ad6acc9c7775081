package io.cleft.compiler.ir;

import io.cleft.compiler.model.SynapseModel;
import java.util.List;

/**
 * A synapse lowered for execution. One step computes {@link #locals} in order, then every
 * {@link #nextStates} entry from the old states and the locals; the current is computed from
 * the states alone.
 *
 * @param model the checked model, for names, defaults, units and docs
 * @param nextStates one per state, in the state's declared unit; a state the model never
 *     updates has {@code State(i)} here
 */
public record IrProgram(SynapseModel model, List<IrExpr> locals, List<IrExpr> nextStates, IrExpr current) {
  public IrProgram {
    locals = List.copyOf(locals);
    nextStates = List.copyOf(nextStates);
  }
}
