package io.cleft.compiler.ir;

import io.cleft.compiler.model.BuiltinFunction;
import java.util.List;

/**
 * The expression IR that the interpreter evaluates and the emitter prints. Unlike the resolved
 * model it has no spans and no units: conversions are explicit multiplications, constants are
 * folded into numbers, and records compare by value, so equal subtrees are equal objects.
 */
public sealed interface IrExpr {
  record Constant(double value) implements IrExpr {}

  /** A parameter in its declared unit. */
  record Parameter(int index) implements IrExpr {}

  /** A state's value at the start of the step, in its declared unit. */
  record State(int index) implements IrExpr {}

  /** A local of the same block, computed before this expression. */
  record Local(int index) implements IrExpr {}

  /**
   * A value of {@link IrProgram#invariants}: computed from parameters, constants and {@code dt}
   * alone, so a population computes it once per synapse (or once per call) rather than in
   * every step.
   */
  record Invariant(int index) implements IrExpr {}

  record Input(IrInput input) implements IrExpr {}

  record Negate(IrExpr operand) implements IrExpr {}

  record Binary(IrBinaryOperator operator, IrExpr left, IrExpr right) implements IrExpr {}

  record Call(BuiltinFunction function, List<IrExpr> arguments) implements IrExpr {
    public Call {
      arguments = List.copyOf(arguments);
    }
  }

  record Select(IrCondition condition, IrExpr whenTrue, IrExpr whenFalse) implements IrExpr {}

  /** Whether this is a constant or a read of a value, with no operation to perform. */
  default boolean isLeaf() {
    return this instanceof Constant
        || this instanceof Parameter
        || this instanceof State
        || this instanceof Local
        || this instanceof Invariant
        || this instanceof Input;
  }

  /** A leaf or the negation of one: as cheap to compute again as to keep in a temporary. */
  default boolean isTrivial() {
    return this instanceof Negate negate ? negate.operand().isTrivial() : isLeaf();
  }
}
