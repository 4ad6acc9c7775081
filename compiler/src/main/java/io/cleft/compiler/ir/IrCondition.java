package io.cleft.compiler.ir;

import io.cleft.compiler.ast.Expression.ComparisonOperator;
import java.util.function.UnaryOperator;

/** A boolean in the IR; it only ever chooses between two numbers. */
public sealed interface IrCondition {
  /** {@code visitor}'s method for this kind of condition. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of condition, so that a new kind fails to compile until every pass says
   * what it does with it. {@link IrRewriter} and {@link IrTraversal} give the usual defaults.
   */
  interface Visitor<R> {
    R visitCompare(Compare compare);

    R visitAnd(And and);

    R visitOr(Or or);

    R visitNot(Not not);
  }

  record Compare(ComparisonOperator operator, IrExpr left, IrExpr right) implements IrCondition {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitCompare(this);
    }
  }

  record And(IrCondition left, IrCondition right) implements IrCondition {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAnd(this);
    }
  }

  record Or(IrCondition left, IrCondition right) implements IrCondition {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitOr(this);
    }
  }

  record Not(IrCondition operand) implements IrCondition {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitNot(this);
    }
  }

  /** The same condition with {@code rewrite} applied to each numeric operand. */
  default IrCondition mapOperands(UnaryOperator<IrExpr> rewrite) {
    return IrWalker.mapOperands(this, rewrite);
  }
}
