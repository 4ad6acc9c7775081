package io.cleft.compiler.table;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How numbers are spelt in cleft's CSV files. Reading is stricter than
 * {@link Double#parseDouble}, which also takes {@code 1f}, {@code 1d} and {@code 0x1p3}: a data
 * file holding those was not written by a tool that meant to write decimals. Writing gives back
 * the very same double when read.
 */
public final class CsvNumbers {
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

  private CsvNumbers() {}

  /**
   * The number in {@code text}, surrounding whitespace allowed: a decimal, {@code Infinity},
   * {@code -Infinity} or {@code NaN}, spelt as Java spells them.
   *
   * @throws NumberFormatException with a message fit for a diagnostic
   */
  public static double parse(String text) {
    String number = text.strip();
    switch (number) {
      case "NaN":
        return Double.NaN;
      case "Infinity":
      case "+Infinity":
        return Double.POSITIVE_INFINITY;
      case "-Infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    if (number.isEmpty()) {
      throw new NumberFormatException("empty field; expected a number");
    }
    if (!DECIMAL.matcher(number).matches()) {
      throw new NumberFormatException("'" + number + "' is not a number");
    }
    double value = Double.parseDouble(number);
    if (Double.isInfinite(value)) {
      // A finite decimal that rounds to infinity is a typo or a broken writer, not a value.
      throw new NumberFormatException("'" + number + "' is too large for a double");
    }
    return value;
  }

  /**
   * {@code value} as text that {@link #parse} turns back into the same bits (NaN aside, which
   * has one spelling): {@link Double#toString} where it round-trips, as it should, else 17
   * significant digits, which always identify a double.
   */
  public static String format(double value) {
    String shortest = Double.toString(value);
    if (Double.isNaN(value) || roundTrips(shortest, value)) {
      return shortest;
    }
    String seventeen = String.format(Locale.ROOT, "%.17g", value);
    if (roundTrips(seventeen, value)) {
      return seventeen;
    }
    // Formatter derives its digits from the same conversion as Double.toString, so if that was
    // wrong this may be too; the exact binary value rounded to 17 digits cannot be.
    return new BigDecimal(value).round(new MathContext(17)).toString();
  }

  /** A short, human spelling for messages: {@code 1e-12} rather than {@code 1.0E-12}. */
  public static String compact(double value) {
    return Double.toString(value).replace(".0E", "E").replace('E', 'e').replaceAll("\\.0$", "");
  }

  private static boolean roundTrips(String text, double value) {
    return Double.doubleToRawLongBits(Double.parseDouble(text)) == Double.doubleToRawLongBits(value);
  }
}
