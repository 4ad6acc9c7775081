package io.cleft.compiler.optimize;

import io.cleft.compiler.ir.IrBinaryOperator;
import io.cleft.compiler.ir.IrExpr;

/**
 * Evaluates arithmetic on constants at compile time. Only {@code + - * /} and negation are
 * folded: Java evaluates them with correctly rounded IEEE arithmetic on every JVM, so the folded
 * number is the one the interpreter computes. Calls such as {@code exp} are left alone, because
 * {@code Math.exp} may differ by an ulp between JVMs, and the generated code must agree with the
 * interpreter on the JVM it runs on.
 */
public final class ConstantFolder {
  private ConstantFolder() {}

  public static IrExpr fold(IrExpr expr) {
    if (expr instanceof IrExpr.Negate negate) {
      IrExpr operand = fold(negate.operand());
      if (operand instanceof IrExpr.Constant c) {
        return new IrExpr.Constant(-c.value());
      }
      return new IrExpr.Negate(operand);
    }
    if (expr instanceof IrExpr.Binary binary) {
      IrExpr left = fold(binary.left());
      IrExpr right = fold(binary.right());
      if (left instanceof IrExpr.Constant l
          && right instanceof IrExpr.Constant r
          && binary.operator() != IrBinaryOperator.POWER) {
        return new IrExpr.Constant(apply(binary.operator(), l.value(), r.value()));
      }
      return new IrExpr.Binary(binary.operator(), left, right);
    }
    if (expr instanceof IrExpr.Call call) {
      return new IrExpr.Call(call.function(), call.arguments().stream().map(ConstantFolder::fold).toList());
    }
    if (expr instanceof IrExpr.Select select) {
      return new IrExpr.Select(
          select.condition().mapOperands(ConstantFolder::fold), fold(select.whenTrue()), fold(select.whenFalse()));
    }
    return expr;
  }

  static double apply(IrBinaryOperator operator, double l, double r) {
    return switch (operator) {
      case ADD -> l + r;
      case SUBTRACT -> l - r;
      case MULTIPLY -> l * r;
      case DIVIDE -> l / r;
      case POWER -> throw new IllegalArgumentException("power is not folded");
    };
  }
}
