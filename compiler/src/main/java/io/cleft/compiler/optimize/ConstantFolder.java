package io.cleft.compiler.optimize;

import io.cleft.compiler.ir.IrBinaryOperator;
import io.cleft.compiler.ir.IrExpr;
import io.cleft.compiler.ir.IrWalker;

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
    IrExpr folded = IrWalker.mapChildren(expr, ConstantFolder::fold);
    if (folded instanceof IrExpr.Negate negate && negate.operand() instanceof IrExpr.Constant c) {
      return new IrExpr.Constant(-c.value());
    }
    if (folded instanceof IrExpr.Binary binary
        && binary.left() instanceof IrExpr.Constant l
        && binary.right() instanceof IrExpr.Constant r
        && binary.operator() != IrBinaryOperator.POWER) {
      return new IrExpr.Constant(apply(binary.operator(), l.value(), r.value()));
    }
    return folded;
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
