package io.cleft.compiler.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The numeric subexpressions directly below an IR node, conditions looked through. */
public final class IrWalker {
  private IrWalker() {}

  /** The same node with {@code rewrite} applied to each child; a leaf as it is. */
  public static IrExpr mapChildren(IrExpr expr, UnaryOperator<IrExpr> rewrite) {
    if (expr instanceof IrExpr.Negate negate) {
      return new IrExpr.Negate(rewrite.apply(negate.operand()));
    }
    if (expr instanceof IrExpr.Binary binary) {
      return new IrExpr.Binary(binary.operator(), rewrite.apply(binary.left()), rewrite.apply(binary.right()));
    }
    if (expr instanceof IrExpr.Call call) {
      return new IrExpr.Call(call.function(), call.arguments().stream().map(rewrite).toList());
    }
    if (expr instanceof IrExpr.Select select) {
      return new IrExpr.Select(
          select.condition().mapOperands(rewrite), rewrite.apply(select.whenTrue()), rewrite.apply(select.whenFalse()));
    }
    return expr;
  }

  public static List<IrExpr> children(IrExpr expr) {
    if (expr instanceof IrExpr.Negate negate) {
      return List.of(negate.operand());
    }
    if (expr instanceof IrExpr.Binary binary) {
      return List.of(binary.left(), binary.right());
    }
    if (expr instanceof IrExpr.Call call) {
      return call.arguments();
    }
    if (expr instanceof IrExpr.Select select) {
      List<IrExpr> children = new ArrayList<>(operands(select.condition()));
      children.add(select.whenTrue());
      children.add(select.whenFalse());
      return children;
    }
    return List.of();
  }

  private static List<IrExpr> operands(IrCondition condition) {
    if (condition instanceof IrCondition.Compare compare) {
      return List.of(compare.left(), compare.right());
    }
    List<IrExpr> operands = new ArrayList<>();
    if (condition instanceof IrCondition.And and) {
      operands.addAll(operands(and.left()));
      operands.addAll(operands(and.right()));
    } else if (condition instanceof IrCondition.Or or) {
      operands.addAll(operands(or.left()));
      operands.addAll(operands(or.right()));
    } else if (condition instanceof IrCondition.Not not) {
      operands.addAll(operands(not.operand()));
    }
    return operands;
  }
}
