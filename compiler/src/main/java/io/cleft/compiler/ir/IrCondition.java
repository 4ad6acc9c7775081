package io.cleft.compiler.ir;

import io.cleft.compiler.ast.Expression.ComparisonOperator;
import java.util.function.UnaryOperator;

/** A boolean in the IR; it only ever chooses between two numbers. */
public sealed interface IrCondition {
  record Compare(ComparisonOperator operator, IrExpr left, IrExpr right) implements IrCondition {}

  record And(IrCondition left, IrCondition right) implements IrCondition {}

  record Or(IrCondition left, IrCondition right) implements IrCondition {}

  record Not(IrCondition operand) implements IrCondition {}

  /** The same condition with {@code rewrite} applied to each numeric operand. */
  default IrCondition mapOperands(UnaryOperator<IrExpr> rewrite) {
    if (this instanceof Compare compare) {
      return new Compare(compare.operator(), rewrite.apply(compare.left()), rewrite.apply(compare.right()));
    }
    if (this instanceof And and) {
      return new And(and.left().mapOperands(rewrite), and.right().mapOperands(rewrite));
    }
    if (this instanceof Or or) {
      return new Or(or.left().mapOperands(rewrite), or.right().mapOperands(rewrite));
    }
    if (this instanceof Not not) {
      return new Not(not.operand().mapOperands(rewrite));
    }
    throw new AssertionError(this);
  }
}
