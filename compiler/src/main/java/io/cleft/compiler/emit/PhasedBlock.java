package io.cleft.compiler.emit;

import io.cleft.compiler.ir.IrExpr;
import java.util.List;
import java.util.OptionalInt;

/**
 * A block rearranged for a population's strip loops (see {@link PhasePlanner}): values in
 * evaluation order, each assigned to a phase, one loop over the strip per phase.
 *
 * @param values in evaluation order; {@code IrExpr.Local(k)} in any expression means
 *     {@code values.get(k)}
 * @param results the block's results over the values, all computed in the last phase
 * @param phaseCount phases are numbered from 0; results belong to {@code phaseCount - 1}
 */
record PhasedBlock(List<Value> values, List<IrExpr> results, int phaseCount) {
  PhasedBlock {
    values = List.copyOf(values);
    results = List.copyOf(results);
  }

  /**
   * @param name the model's name for the value, or one made up from it for a temporary
   * @param sourceLine the model line it comes from, for comments
   * @param call whether {@code value} is a call of an expensive function on plain reads: such
   *     values get phases of their own, so that the calls of a strip do not wait for each other
   * @param carried whether a later phase reads it, so it must be kept for the whole strip
   */
  record Value(String name, IrExpr value, OptionalInt sourceLine, int phase, boolean call, boolean carried) {}

  int lastPhase() {
    return phaseCount - 1;
  }

  List<Value> valuesOf(int phase) {
    return values.stream().filter(v -> v.phase() == phase).toList();
  }

  /** Whether a phase consists of expensive calls alone. */
  boolean isCallPhase(int phase) {
    return phase != lastPhase() && valuesOf(phase).stream().allMatch(Value::call);
  }
}
