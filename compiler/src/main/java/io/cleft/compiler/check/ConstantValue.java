package io.cleft.compiler.check;

import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.Symbol;
import java.util.Optional;

/** The value of an expression made only of literals and constants, if it is one. */
final class ConstantValue {
  private ConstantValue() {}

  static Optional<Double> of(Expr expr) {
    if (expr instanceof Expr.Literal literal) {
      return Optional.of(literal.value());
    }
    if (expr instanceof Expr.Reference reference && reference.symbol() instanceof Symbol.Constant constant) {
      return Optional.of(constant.canonicalValue());
    }
    if (expr instanceof Expr.Negate negate) {
      return of(negate.operand()).map(v -> -v);
    }
    if (expr instanceof Expr.Arithmetic arithmetic) {
      Optional<Double> left = of(arithmetic.left());
      Optional<Double> right = of(arithmetic.right());
      if (left.isEmpty() || right.isEmpty()) {
        return Optional.empty();
      }
      double l = left.get();
      double r = right.get();
      return Optional.of(
          switch (arithmetic.operator()) {
            case ADD -> l + r;
            case SUBTRACT -> l - r;
            case MULTIPLY -> l * r;
            case DIVIDE -> l / r;
            case POWER -> Math.pow(l, r);
          });
    }
    return Optional.empty();
  }
}
