package io.cleft.compiler.check;

import io.cleft.compiler.Limits;
import io.cleft.compiler.ast.UnitExpression;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.diagnostic.Spelling;
import io.cleft.compiler.units.Unit;
import io.cleft.compiler.units.UnitTable;
import java.util.Optional;

/** Turns a unit as written into a {@link Unit}, reporting unknown symbols. */
final class UnitResolver {
  private final DiagnosticCollector diagnostics;

  UnitResolver(DiagnosticCollector diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The unit, or empty when a symbol in it is unknown (already reported). */
  Optional<Unit> resolve(UnitExpression unit) {
    return unit.accept(resolution);
  }

  private final UnitExpression.Visitor<Optional<Unit>> resolution =
      new UnitExpression.Visitor<>() {
        @Override
        public Optional<Unit> visitOne(UnitExpression.One one) {
          return Optional.of(Unit.ONE);
        }

        @Override
        public Optional<Unit> visitSymbol(UnitExpression.Symbol symbol) {
          Optional<Unit> known = UnitTable.lookup(symbol.symbol());
          if (known.isEmpty()) {
            diagnostics.error(
                DiagnosticCode.UNKNOWN_UNIT,
                symbol.span(),
                "unknown unit '" + symbol.symbol() + "'"
                    + Spelling.suggestion(symbol.symbol(), UnitTable.commonSymbols()));
          }
          return known;
        }

        @Override
        public Optional<Unit> visitPower(UnitExpression.Power power) {
          return resolve(power.base()).flatMap(u -> withinLimit(u.power(power.exponent()), power));
        }

        @Override
        public Optional<Unit> visitProduct(UnitExpression.Product product) {
          return combine(product, product.left(), product.right(), true);
        }

        @Override
        public Optional<Unit> visitQuotient(UnitExpression.Quotient quotient) {
          return combine(quotient, quotient.left(), quotient.right(), false);
        }
      };

  private Optional<Unit> combine(UnitExpression whole, UnitExpression left, UnitExpression right, boolean multiply) {
    Optional<Unit> l = resolve(left);
    Optional<Unit> r = resolve(right);
    if (l.isEmpty() || r.isEmpty()) {
      return Optional.empty();
    }
    return withinLimit(multiply ? l.get().times(r.get()) : l.get().over(r.get()), whole);
  }

  /**
   * {@code unit}, unless an exponent of its dimension is beyond {@link Limits#MAX_UNIT_EXPONENT}
   * (reported at {@code written}). Checked at every step, the exponents of the operands are
   * within the limit too, so computing the result cannot overflow.
   */
  private Optional<Unit> withinLimit(Unit unit, UnitExpression written) {
    if (unit.dimension().largestExponent() > Limits.MAX_UNIT_EXPONENT) {
      diagnostics.error(
          DiagnosticCode.UNIT_EXPONENT_OUT_OF_RANGE,
          written.span(),
          "this unit is " + unit.dimension().describe() + "; cleft's units have exponents from -"
              + Limits.MAX_UNIT_EXPONENT + " to " + Limits.MAX_UNIT_EXPONENT);
      return Optional.empty();
    }
    return Optional.of(unit);
  }
}
