package io.cleft.compiler.model;

import java.util.List;
import java.util.function.Consumer;

/** Pre-order traversal of resolved expressions. */
public final class ExprWalker {
  private ExprWalker() {}

  public static void forEach(Expr expr, Consumer<Expr> action) {
    action.accept(expr);
    children(expr).forEach(child -> forEach(child, action));
  }

  public static List<Expr> children(Expr expr) {
    return expr.accept(CHILDREN);
  }

  private static final Expr.Visitor<List<Expr>> CHILDREN =
      new Expr.Visitor<>() {
        @Override
        public List<Expr> visitErroneous(Expr.Erroneous erroneous) {
          return List.of();
        }

        @Override
        public List<Expr> visitLiteral(Expr.Literal literal) {
          return List.of();
        }

        @Override
        public List<Expr> visitReference(Expr.Reference reference) {
          return List.of();
        }

        @Override
        public List<Expr> visitNegate(Expr.Negate negate) {
          return List.of(negate.operand());
        }

        @Override
        public List<Expr> visitArithmetic(Expr.Arithmetic arithmetic) {
          return List.of(arithmetic.left(), arithmetic.right());
        }

        @Override
        public List<Expr> visitCall(Expr.Call call) {
          return call.arguments();
        }

        @Override
        public List<Expr> visitComparison(Expr.Comparison comparison) {
          return List.of(comparison.left(), comparison.right());
        }

        @Override
        public List<Expr> visitLogical(Expr.Logical logical) {
          return List.of(logical.left(), logical.right());
        }

        @Override
        public List<Expr> visitNot(Expr.Not not) {
          return List.of(not.operand());
        }

        @Override
        public List<Expr> visitConditional(Expr.Conditional conditional) {
          return List.of(conditional.condition(), conditional.whenTrue(), conditional.whenFalse());
        }
      };
}
