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

  /**
   * Stands in for an expression the resolver could not resolve (an unknown name, say), so that
   * checking can go on and report more problems; a model with one is never lowered.
   */
  record Erroneous(SourceSpan span) implements Expr {}

  /** A number in working units: literals with a unit are converted when resolved. */
  record Literal(double value, Dimension dimension, SourceSpan span) implements Expr {}

  record Reference(Symbol symbol, SourceSpan span) implements Expr {}

  record Negate(Expr operand, SourceSpan span) implements Expr {}

  record Arithmetic(ArithmeticOperator operator, Expr left, Expr right, SourceSpan span)
      implements Expr {}

  record Call(BuiltinFunction function, List<Expr> arguments, SourceSpan span) implements Expr {
    public Call {
      arguments = List.copyOf(arguments);
    }
  }

  record Comparison(ComparisonOperator operator, Expr left, Expr right, SourceSpan span)
      implements Expr {}

  record Logical(LogicalOperator operator, Expr left, Expr right, SourceSpan span) implements Expr {}

  record Not(Expr operand, SourceSpan span) implements Expr {}

  record Conditional(Expr condition, Expr whenTrue, Expr whenFalse, SourceSpan span)
      implements Expr {}

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
