package io.cleft.compiler.ir;

import io.cleft.compiler.model.BuiltinFunction;
import java.util.List;

/**
 * The expression IR that the interpreter evaluates and the emitter prints. Unlike the resolved
 * model it has no spans and no units: conversions are explicit multiplications, constants are
 * folded into numbers, and records compare by value, so equal subtrees are equal objects.
 */
public sealed interface IrExpr {
  /** {@code visitor}'s method for this kind of node. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of node, so that a new kind fails to compile until every pass says what
   * it does with it. {@link IrRewriter} and {@link IrTraversal} give the usual defaults.
   */
  interface Visitor<R> {
    R visitConstant(Constant constant);

    R visitParameter(Parameter parameter);

    R visitState(State state);

    R visitLocal(Local local);

    R visitInvariant(Invariant invariant);

    R visitInput(Input input);

    R visitNegate(Negate negate);

    R visitBinary(Binary binary);

    R visitCall(Call call);

    R visitSelect(Select select);
  }

  record Constant(double value) implements IrExpr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitConstant(this);
    }
  }

  /** A parameter in its declared unit. */
  record Parameter(int index) implements IrExpr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitParameter(this);
    }
  }

  /** A state's value at the start of the step, in its declared unit. */
  record State(int index) implements IrExpr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitState(this);
    }
  }

  /** A local of the same block, computed before this expression. */
  record Local(int index) implements IrExpr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitLocal(this);
    }
  }

  /**
   * A value of {@link IrProgram#invariants}: computed from parameters, constants and {@code dt}
   * alone, so a population computes it once per synapse (or once per call) rather than in
   * every step.
   */
  record Invariant(int index) implements IrExpr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitInvariant(this);
    }
  }

  record Input(IrInput input) implements IrExpr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitInput(this);
    }
  }

  record Negate(IrExpr operand) implements IrExpr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitNegate(this);
    }
  }

  record Binary(IrBinaryOperator operator, IrExpr left, IrExpr right) implements IrExpr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitBinary(this);
    }
  }

  record Call(BuiltinFunction function, List<IrExpr> arguments) implements IrExpr {
    public Call {
      arguments = List.copyOf(arguments);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitCall(this);
    }
  }

  record Select(IrCondition condition, IrExpr whenTrue, IrExpr whenFalse) implements IrExpr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitSelect(this);
    }
  }

  /** Whether this is a constant or a read of a value, with no operation to perform. */
  default boolean isLeaf() {
    return IrWalker.children(this).isEmpty();
  }

  /** A leaf or the negation of one: as cheap to compute again as to keep in a temporary. */
  default boolean isTrivial() {
    return this instanceof Negate negate ? negate.operand().isTrivial() : isLeaf();
  }
}
