package io.cleft.compiler.model;

import java.util.List;

/**
 * A rewrite of resolved expressions whose default rebuilds each node, with its span, from its
 * children rewritten, and keeps each leaf: a pass overrides the kinds it changes and calls
 * {@link #rewrite} (or the {@code super} method, to rewrite the children) for the rest.
 */
public class ExprRewriter implements Expr.Visitor<Expr> {
  /** {@code expr} rewritten: the method for its kind. */
  public Expr rewrite(Expr expr) {
    return expr.accept(this);
  }

  @Override
  public Expr visitErroneous(Expr.Erroneous erroneous) {
    return erroneous;
  }

  @Override
  public Expr visitLiteral(Expr.Literal literal) {
    return literal;
  }

  @Override
  public Expr visitReference(Expr.Reference reference) {
    return reference;
  }

  @Override
  public Expr visitNegate(Expr.Negate negate) {
    return new Expr.Negate(rewrite(negate.operand()), negate.span());
  }

  @Override
  public Expr visitArithmetic(Expr.Arithmetic arithmetic) {
    Expr left = rewrite(arithmetic.left());
    return new Expr.Arithmetic(arithmetic.operator(), left, rewrite(arithmetic.right()), arithmetic.span());
  }

  @Override
  public Expr visitCall(Expr.Call call) {
    List<Expr> arguments = call.arguments().stream().map(this::rewrite).toList();
    return new Expr.Call(call.function(), arguments, call.span());
  }

  @Override
  public Expr visitComparison(Expr.Comparison comparison) {
    Expr left = rewrite(comparison.left());
    return new Expr.Comparison(comparison.operator(), left, rewrite(comparison.right()), comparison.span());
  }

  @Override
  public Expr visitLogical(Expr.Logical logical) {
    Expr left = rewrite(logical.left());
    return new Expr.Logical(logical.operator(), left, rewrite(logical.right()), logical.span());
  }

  @Override
  public Expr visitNot(Expr.Not not) {
    return new Expr.Not(rewrite(not.operand()), not.span());
  }

  @Override
  public Expr visitConditional(Expr.Conditional conditional) {
    Expr condition = rewrite(conditional.condition());
    Expr whenTrue = rewrite(conditional.whenTrue());
    return new Expr.Conditional(condition, whenTrue, rewrite(conditional.whenFalse()), conditional.span());
  }
}
