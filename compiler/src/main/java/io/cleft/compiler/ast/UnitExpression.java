package io.cleft.compiler.ast;

import io.cleft.compiler.source.SourceSpan;

/** A unit as written: {@code mV}, {@code 1/ms}, {@code uS*mV}, {@code um^2}. */
public sealed interface UnitExpression {
  SourceSpan span();

  /** A unit symbol with an optional SI prefix: {@code mV}, {@code ms}, {@code MOhm}. */
  record Symbol(String symbol, SourceSpan span) implements UnitExpression {}

  /** The number 1, for dimensionless quantities and reciprocals such as {@code 1/ms}. */
  record One(SourceSpan span) implements UnitExpression {}

  record Power(UnitExpression base, int exponent, SourceSpan span) implements UnitExpression {}

  record Product(UnitExpression left, UnitExpression right, SourceSpan span)
      implements UnitExpression {}

  record Quotient(UnitExpression left, UnitExpression right, SourceSpan span)
      implements UnitExpression {}
}
