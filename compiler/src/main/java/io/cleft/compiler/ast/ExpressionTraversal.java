package io.cleft.compiler.ast;

/**
 * A walk over expressions as written whose default visits each node's children, left to right,
 * and does nothing at a leaf; a unit is a leaf. A pass overrides the kinds it looks at and calls
 * {@link #visit} (or the {@code super} method, to go on below) for the rest.
 */
public class ExpressionTraversal implements Expression.Visitor<Void> {
  /** Visits {@code expression}: the method for its kind. */
  public final void visit(Expression expression) {
    expression.accept(this);
  }

  @Override
  public Void visitNumberLiteral(Expression.NumberLiteral literal) {
    return null;
  }

  @Override
  public Void visitNameReference(Expression.NameReference reference) {
    return null;
  }

  @Override
  public Void visitCall(Expression.Call call) {
    call.arguments().forEach(this::visit);
    return null;
  }

  @Override
  public Void visitUnary(Expression.Unary unary) {
    visit(unary.operand());
    return null;
  }

  @Override
  public Void visitBinary(Expression.Binary binary) {
    visit(binary.left());
    visit(binary.right());
    return null;
  }

  @Override
  public Void visitComparison(Expression.Comparison comparison) {
    visit(comparison.left());
    visit(comparison.right());
    return null;
  }

  @Override
  public Void visitLogical(Expression.Logical logical) {
    visit(logical.left());
    visit(logical.right());
    return null;
  }

  @Override
  public Void visitNot(Expression.Not not) {
    visit(not.operand());
    return null;
  }

  @Override
  public Void visitConditional(Expression.Conditional conditional) {
    visit(conditional.condition());
    visit(conditional.whenTrue());
    visit(conditional.whenFalse());
    return null;
  }
}
