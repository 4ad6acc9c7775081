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
    if (expr instanceof Expr.Literal || expr instanceof Expr.Reference || expr instanceof Expr.Erroneous) {
      return List.of();
    }
    if (expr instanceof Expr.Negate negate) {
      return List.of(negate.operand());
    }
    if (expr instanceof Expr.Arithmetic arithmetic) {
      return List.of(arithmetic.left(), arithmetic.right());
    }
    if (expr instanceof Expr.Call call) {
      return call.arguments();
    }
    if (expr instanceof Expr.Comparison comparison) {
      return List.of(comparison.left(), comparison.right());
    }
    if (expr instanceof Expr.Logical logical) {
      return List.of(logical.left(), logical.right());
    }
    if (expr instanceof Expr.Not not) {
      return List.of(not.operand());
    }
    if (expr instanceof Expr.Conditional conditional) {
      return List.of(conditional.condition(), conditional.whenTrue(), conditional.whenFalse());
    }
    throw new AssertionError(expr);
  }
}
