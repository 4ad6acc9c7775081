package io.cleft.compiler.check;

import io.cleft.compiler.model.Expr;
import io.cleft.compiler.model.Symbol;
import java.util.Optional;

/** The value of an expression made only of literals and constants, if it is one. */
final class ConstantValue {
  private ConstantValue() {}

  static Optional<Double> of(Expr expr) {
    return expr.accept(VALUE);
  }

  private static final Expr.Visitor<Optional<Double>> VALUE =
      new Expr.Visitor<>() {
        @Override
        public Optional<Double> visitErroneous(Expr.Erroneous erroneous) {
          return Optional.empty();
        }

        @Override
        public Optional<Double> visitLiteral(Expr.Literal literal) {
          return Optional.of(literal.value());
        }

        @Override
        public Optional<Double> visitReference(Expr.Reference reference) {
          return reference.symbol() instanceof Symbol.Constant constant
              ? Optional.of(constant.canonicalValue())
              : Optional.empty();
        }

        @Override
        public Optional<Double> visitNegate(Expr.Negate negate) {
          return of(negate.operand()).map(v -> -v);
        }

        @Override
        public Optional<Double> visitArithmetic(Expr.Arithmetic arithmetic) {
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

        // Calls and choices are left to the interpreter: what they compute is not folded here.
        @Override
        public Optional<Double> visitCall(Expr.Call call) {
          return Optional.empty();
        }

        @Override
        public Optional<Double> visitComparison(Expr.Comparison comparison) {
          return Optional.empty();
        }

        @Override
        public Optional<Double> visitLogical(Expr.Logical logical) {
          return Optional.empty();
        }

        @Override
        public Optional<Double> visitNot(Expr.Not not) {
          return Optional.empty();
        }

        @Override
        public Optional<Double> visitConditional(Expr.Conditional conditional) {
          return Optional.empty();
        }
      };
}
