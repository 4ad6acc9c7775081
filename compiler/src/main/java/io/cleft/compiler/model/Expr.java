package io.cleft.compiler.model;

import io.cleft.compiler.ast.Expression.ComparisonOperator;
import io.cleft.compiler.ast.Expression.LogicalOperator;
import io.cleft.compiler.source.SourceSpan;
import io.cleft.compiler.units.Dimension;
import java.util.List;

/**
 * A resolved expression: names are bound to symbols and functions to built-ins. Values are in
 * cleft's working units (see {@link io.cleft.compiler.units.Unit}); a parameter or state read
 * here is its value converted to the working unit, which lowering makes explicit.
 *
 * <p>Nodes the solver synthesises carry the span of the equation they come from.
 */
public sealed interface Expr {
  SourceSpan span();

  /** {@code visitor}'s method for this kind of expression. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of expression, so that a new kind fails to compile until every pass says
   * what it does with it. {@link ExprRewriter} and {@link ExprTraversal} give the usual defaults.
   */
  interface Visitor<R> {
    R visitErroneous(Erroneous erroneous);

    R visitLiteral(Literal literal);

    R visitReference(Reference reference);

    R visitNegate(Negate negate);

    R visitArithmetic(Arithmetic arithmetic);

    R visitCall(Call call);

    R visitComparison(Comparison comparison);

    R visitLogical(Logical logical);

    R visitNot(Not not);

    R visitConditional(Conditional conditional);
  }

  /**
   * Stands in for an expression the resolver could not resolve (an unknown name, say), so that
   * checking can go on and report more problems; a model with one is never lowered.
   */
  record Erroneous(SourceSpan span) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitErroneous(this);
    }
  }

  /** A number in working units: literals with a unit are converted when resolved. */
  record Literal(double value, Dimension dimension, SourceSpan span) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitLiteral(this);
    }
  }

  record Reference(Symbol symbol, SourceSpan span) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitReference(this);
    }
  }

  record Negate(Expr operand, SourceSpan span) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitNegate(this);
    }
  }

  record Arithmetic(ArithmeticOperator operator, Expr left, Expr right, SourceSpan span)
      implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitArithmetic(this);
    }
  }

  record Call(BuiltinFunction function, List<Expr> arguments, SourceSpan span) implements Expr {
    public Call {
      arguments = List.copyOf(arguments);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitCall(this);
    }
  }

  record Comparison(ComparisonOperator operator, Expr left, Expr right, SourceSpan span)
      implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitComparison(this);
    }
  }

  record Logical(LogicalOperator operator, Expr left, Expr right, SourceSpan span) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitLogical(this);
    }
  }

  record Not(Expr operand, SourceSpan span) implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitNot(this);
    }
  }

  record Conditional(Expr condition, Expr whenTrue, Expr whenFalse, SourceSpan span)
      implements Expr {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitConditional(this);
    }
  }

  enum ArithmeticOperator {
    ADD("+"),
    SUBTRACT("-"),
    MULTIPLY("*"),
    DIVIDE("/"),
    POWER("^");

    public final String symbol;

    ArithmeticOperator(String symbol) {
      this.symbol = symbol;
    }
  }
}
