package io.cleft.compiler.model;

/**
 * A walk over resolved expressions whose default visits each node's children, left to right, and
 * does nothing at a leaf: a pass overrides the kinds it looks at and calls {@link #visit} (or the
 * {@code super} method, to go on below) for the rest.
 */
public class ExprTraversal implements Expr.Visitor<Void> {
  /** Visits {@code expr}: the method for its kind. */
  public final void visit(Expr expr) {
    expr.accept(this);
  }

  @Override
  public Void visitErroneous(Expr.Erroneous erroneous) {
    return null;
  }

  @Override
  public Void visitLiteral(Expr.Literal literal) {
    return null;
  }

  @Override
  public Void visitReference(Expr.Reference reference) {
    return null;
  }

  @Override
  public Void visitNegate(Expr.Negate negate) {
    visit(negate.operand());
    return null;
  }

  @Override
  public Void visitArithmetic(Expr.Arithmetic arithmetic) {
    visit(arithmetic.left());
    visit(arithmetic.right());
    return null;
  }

  @Override
  public Void visitCall(Expr.Call call) {
    call.arguments().forEach(this::visit);
    return null;
  }

  @Override
  public Void visitComparison(Expr.Comparison comparison) {
    visit(comparison.left());
    visit(comparison.right());
    return null;
  }

  @Override
  public Void visitLogical(Expr.Logical logical) {
    visit(logical.left());
    visit(logical.right());
    return null;
  }

  @Override
  public Void visitNot(Expr.Not not) {
    visit(not.operand());
    return null;
  }

  @Override
  public Void visitConditional(Expr.Conditional conditional) {
    visit(conditional.condition());
    visit(conditional.whenTrue());
    visit(conditional.whenFalse());
    return null;
  }
}
