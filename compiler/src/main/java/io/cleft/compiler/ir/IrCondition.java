package io.cleft.compiler.ir;

import io.cleft.compiler.ast.Expression.ComparisonOperator;

/** A boolean in the IR; it only ever chooses between two numbers. */
public sealed interface IrCondition {
  record Compare(ComparisonOperator operator, IrExpr left, IrExpr right) implements IrCondition {}

  record And(IrCondition left, IrCondition right) implements IrCondition {}

  record Or(IrCondition left, IrCondition right) implements IrCondition {}

  record Not(IrCondition operand) implements IrCondition {}
}
