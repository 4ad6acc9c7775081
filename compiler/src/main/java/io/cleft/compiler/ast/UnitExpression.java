package io.cleft.compiler.ast;

import io.cleft.compiler.source.SourceSpan;

/** A unit as written: {@code mV}, {@code 1/ms}, {@code uS*mV}, {@code um^2}. */
public sealed interface UnitExpression {
  SourceSpan span();

  /** {@code visitor}'s method for this kind of unit expression. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of unit expression, so that a new kind fails to compile until every pass says what
   * it does with it.
   */
  interface Visitor<R> {
    R visitSymbol(Symbol symbol);

    R visitOne(One one);

    R visitPower(Power power);

    R visitProduct(Product product);

    R visitQuotient(Quotient quotient);
  }

  /** A unit symbol with an optional SI prefix: {@code mV}, {@code ms}, {@code MOhm}. */
  record Symbol(String symbol, SourceSpan span) implements UnitExpression {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitSymbol(this);
    }
  }

  /** The number 1, for dimensionless quantities and reciprocals such as {@code 1/ms}. */
  record One(SourceSpan span) implements UnitExpression {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitOne(this);
    }
  }

  record Power(UnitExpression base, int exponent, SourceSpan span) implements UnitExpression {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitPower(this);
    }
  }

  record Product(UnitExpression left, UnitExpression right, SourceSpan span)
      implements UnitExpression {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitProduct(this);
    }
  }

  record Quotient(UnitExpression left, UnitExpression right, SourceSpan span)
      implements UnitExpression {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitQuotient(this);
    }
  }
}
