package io.cleft.compiler.check;

import io.cleft.compiler.ast.NumberText;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import java.math.BigDecimal;
import java.util.Optional;

/** Reads numeric literals exactly and reports those a double cannot hold. */
final class Literals {
  private Literals() {}

  /** The literal times {@code factor}, rounded to a double once; empty if out of range. */
  static Optional<Double> value(NumberText number, BigDecimal factor, DiagnosticCollector diagnostics) {
    BigDecimal exact = new BigDecimal(number.text());
    double value = exact.multiply(factor).doubleValue();
    if (Double.isInfinite(value)) {
      diagnostics.error(
          DiagnosticCode.LITERAL_OUT_OF_RANGE,
          number.span(),
          "numeric literal " + number.text() + " is out of range: the largest double is about 1.8e308");
      return Optional.empty();
    }
    if (value == 0 && exact.signum() != 0) {
      diagnostics.error(
          DiagnosticCode.LITERAL_UNDERFLOW,
          number.span(),
          "numeric literal " + number.text() + " is too small for a double and would be 0; the smallest is about 4.9e-324");
      return Optional.empty();
    }
    return Optional.of(value);
  }
}
