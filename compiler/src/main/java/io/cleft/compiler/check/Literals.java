package io.cleft.compiler.check;

import io.cleft.compiler.Limits;
import io.cleft.compiler.ast.NumberText;
import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * Reads numeric literals exactly and reports those a double cannot hold, as written or once
 * converted to cleft's working unit. Never throws: {@code BigDecimal} would for exponents beyond
 * an {@code int} ({@code 1e2147483648}), so the exponent is read here, and a literal whose
 * decimal exponent is beyond {@link Limits#MAX_LITERAL_EXPONENT} is out of range without
 * being built. A literal longer than {@link Limits#MAX_LITERAL_LENGTH} is not read at all.
 */
final class Literals {
  private Literals() {}

  /** The literal as written, rounded to a double once; empty if out of range (reported). */
  static Optional<Double> value(NumberText number, DiagnosticCollector diagnostics) {
    return exact(number, diagnostics).flatMap(exact -> rounded(number, exact, diagnostics));
  }

  /**
   * The literal times {@code factor}, the exact factor from {@code unit} (as written) to cleft's
   * working unit (named {@code workingUnit}, or "" if it has no name), rounded to a double once; empty if the literal is out of range as written or once converted
   * (reported, at the literal).
   */
  static Optional<Double> converted(
      NumberText number, BigDecimal factor, String unit, String workingUnit, DiagnosticCollector diagnostics) {
    Optional<BigDecimal> exact = exact(number, diagnostics);
    if (exact.isEmpty() || rounded(number, exact.get(), diagnostics).isEmpty()) {
      return Optional.empty();
    }
    BigDecimal product = exact.get().multiply(factor);
    double value = product.doubleValue();
    String converted = number.text() + " " + unit + " is " + scientific(product)
        + (workingUnit.isEmpty() ? "" : " " + workingUnit) + " in cleft's working unit";
    if (Double.isInfinite(value)) {
      diagnostics.error(
          DiagnosticCode.CONVERTED_OUT_OF_RANGE,
          number.span(),
          converted + ", beyond the largest double (about 1.8e308)");
      return Optional.empty();
    }
    if (value == 0 && product.signum() != 0) {
      diagnostics.error(
          DiagnosticCode.CONVERTED_UNDERFLOW,
          number.span(),
          converted + ", too small for a double, which would make it 0 (the smallest is about 4.9e-324)");
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** {@code 1e317}, {@code 4.9e-327}: three significant digits, written as literals are. */
  static String scientific(BigDecimal value) {
    return value.round(new MathContext(3)).stripTrailingZeros().toString().replace("E+", "e").replace('E', 'e');
  }

  private static Optional<Double> rounded(NumberText number, BigDecimal exact, DiagnosticCollector diagnostics) {
    double value = exact.doubleValue();
    if (Double.isInfinite(value)) {
      tooLarge(number, diagnostics);
      return Optional.empty();
    }
    if (value == 0 && exact.signum() != 0) {
      tooSmall(number, diagnostics);
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /**
   * The literal's exact value; empty, reported, when its decimal exponent is beyond
   * {@link Limits#MAX_LITERAL_EXPONENT}, where it is out of range of any double for certain.
   */
  private static Optional<BigDecimal> exact(NumberText number, DiagnosticCollector diagnostics) {
    String text = number.text();
    if (text.length() > Limits.MAX_LITERAL_LENGTH) {
      diagnostics.error(
          DiagnosticCode.LITERAL_TOO_LONG,
          number.span(),
          "this numeric literal has " + text.length() + " characters, more than cleft's limit of "
              + Limits.MAX_LITERAL_LENGTH + "; 17 significant digits determine a double");
      return Optional.empty();
    }
    int e = Math.max(text.indexOf('e'), text.indexOf('E'));
    BigDecimal mantissa = new BigDecimal(e < 0 ? text : text.substring(0, e));
    if (e < 0 || mantissa.signum() == 0) {
      return Optional.of(mantissa);
    }
    String exponentText = text.substring(e + 1);
    boolean negative = exponentText.startsWith("-");
    String digits = exponentText.replaceFirst("^[+-]", "").replaceFirst("^0+(?=.)", "");
    // The decimal exponent of the value: the written one plus that of the mantissa's first digit.
    long magnitude = (mantissa.precision() - mantissa.scale() - 1L);
    long exponent = digits.length() > 9 ? Long.MAX_VALUE / 2 : Long.parseLong(digits);
    magnitude += negative ? -exponent : exponent;
    if (magnitude > Limits.MAX_LITERAL_EXPONENT) {
      tooLarge(number, diagnostics);
      return Optional.empty();
    }
    if (magnitude < -Limits.MAX_LITERAL_EXPONENT) {
      tooSmall(number, diagnostics);
      return Optional.empty();
    }
    return Optional.of(mantissa.scaleByPowerOfTen((int) (negative ? -exponent : exponent)));
  }

  private static void tooLarge(NumberText number, DiagnosticCollector diagnostics) {
    diagnostics.error(
        DiagnosticCode.LITERAL_OUT_OF_RANGE,
        number.span(),
        "numeric literal " + number.text() + " is out of range: the largest double is about 1.8e308");
  }

  private static void tooSmall(NumberText number, DiagnosticCollector diagnostics) {
    diagnostics.error(
        DiagnosticCode.LITERAL_UNDERFLOW,
        number.span(),
        "numeric literal " + number.text() + " is too small for a double and would be 0; the smallest is about 4.9e-324");
  }
}
