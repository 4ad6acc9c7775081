package io.cleft.compiler.ast;

import io.cleft.compiler.source.SourceSpan;
import java.util.List;
import java.util.Optional;

/** An expression as written; names are unresolved strings. Parentheses leave no node. */
public sealed interface Expression {
  SourceSpan span();

  /** {@code 1e-4}, or with a unit, {@code 20 [mV]}. */
  record NumberLiteral(NumberText number, Optional<UnitExpression> unit, SourceSpan span)
      implements Expression {}

  record NameReference(String name, SourceSpan span) implements Expression {}

  record Call(Identifier function, List<Expression> arguments, SourceSpan span)
      implements Expression {
    public Call {
      arguments = List.copyOf(arguments);
    }
  }

  record Unary(UnaryOperator operator, Expression operand, SourceSpan span)
      implements Expression {}

  record Binary(BinaryOperator operator, Expression left, Expression right, SourceSpan span)
      implements Expression {}

  record Comparison(ComparisonOperator operator, Expression left, Expression right, SourceSpan span)
      implements Expression {}

  record Logical(LogicalOperator operator, Expression left, Expression right, SourceSpan span)
      implements Expression {}

  record Not(Expression operand, SourceSpan span) implements Expression {}

  record Conditional(
      Expression condition, Expression whenTrue, Expression whenFalse, SourceSpan span)
      implements Expression {}

  enum UnaryOperator {
    PLUS("+"),
    MINUS("-");

    public final String symbol;

    UnaryOperator(String symbol) {
      this.symbol = symbol;
    }
  }

  enum BinaryOperator {
    ADD("+"),
    SUBTRACT("-"),
    MULTIPLY("*"),
    DIVIDE("/"),
    POWER("^");

    public final String symbol;

    BinaryOperator(String symbol) {
      this.symbol = symbol;
    }
  }

  enum ComparisonOperator {
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    EQUAL("=="),
    NOT_EQUAL("!=");

    public final String symbol;

    ComparisonOperator(String symbol) {
      this.symbol = symbol;
    }
  }

  enum LogicalOperator {
    AND("and"),
    OR("or");

    public final String symbol;

    LogicalOperator(String symbol) {
      this.symbol = symbol;
    }
  }
}
