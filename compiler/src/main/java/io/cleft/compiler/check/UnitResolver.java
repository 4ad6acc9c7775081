package io.cleft.compiler.check;

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
    if (unit instanceof UnitExpression.One) {
      return Optional.of(Unit.ONE);
    }
    if (unit instanceof UnitExpression.Symbol symbol) {
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
    if (unit instanceof UnitExpression.Power power) {
      return resolve(power.base()).map(u -> u.power(power.exponent()));
    }
    if (unit instanceof UnitExpression.Product product) {
      return combine(product.left(), product.right(), true);
    }
    if (unit instanceof UnitExpression.Quotient quotient) {
      return combine(quotient.left(), quotient.right(), false);
    }
    throw new AssertionError(unit);
  }

  private Optional<Unit> combine(UnitExpression left, UnitExpression right, boolean multiply) {
    Optional<Unit> l = resolve(left);
    Optional<Unit> r = resolve(right);
    if (l.isEmpty() || r.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(multiply ? l.get().times(r.get()) : l.get().over(r.get()));
  }
}
