package io.cleft.compiler.ast;

import io.cleft.compiler.source.SourceSpan;
import java.util.List;
import java.util.Optional;

/** An expression as written; names are unresolved strings. Parentheses leave no node. */
public sealed interface Expression {
  SourceSpan span();

  /** {@code visitor}'s method for this kind of expression. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of expression, so that a new kind fails to compile until every pass says
   * what it does with it. {@link ExpressionTraversal} visits the children by default.
   */
  interface Visitor<R> {
    R visitNumberLiteral(NumberLiteral numberLiteral);

    R visitNameReference(NameReference nameReference);

    R visitCall(Call call);

    R visitUnary(Unary unary);

    R visitBinary(Binary binary);

    R visitComparison(Comparison comparison);

    R visitLogical(Logical logical);

    R visitNot(Not not);

    R visitConditional(Conditional conditional);
  }

  /** {@code 1e-4}, or with a unit, {@code 20 [mV]}. */
  record NumberLiteral(NumberText number, Optional<UnitExpression> unit, SourceSpan span)
      implements Expression {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitNumberLiteral(this);
    }
  }

  record NameReference(String name, SourceSpan span) implements Expression {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitNameReference(this);
    }
  }

  record Call(Identifier function, List<Expression> arguments, SourceSpan span)
      implements Expression {
    public Call {
      arguments = List.copyOf(arguments);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitCall(this);
    }
  }

  record Unary(UnaryOperator operator, Expression operand, SourceSpan span)
      implements Expression {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitUnary(this);
    }
  }

  record Binary(BinaryOperator operator, Expression left, Expression right, SourceSpan span)
      implements Expression {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitBinary(this);
    }
  }

  record Comparison(ComparisonOperator operator, Expression left, Expression right, SourceSpan span)
      implements Expression {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitComparison(this);
    }
  }

  record Logical(LogicalOperator operator, Expression left, Expression right, SourceSpan span)
      implements Expression {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitLogical(this);
    }
  }

  record Not(Expression operand, SourceSpan span) implements Expression {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitNot(this);
    }
  }

  record Conditional(
      Expression condition, Expression whenTrue, Expression whenFalse, SourceSpan span)
      implements Expression {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitConditional(this);
    }
  }

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
