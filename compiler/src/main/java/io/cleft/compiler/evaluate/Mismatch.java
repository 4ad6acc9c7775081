package io.cleft.compiler.evaluate;

import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.diagnostic.DiagnosticReporter;
import io.cleft.compiler.table.CsvField;
import io.cleft.compiler.table.CsvNumbers;
import java.util.Locale;

/**
 * The largest difference {@code cleft eval --check} found between an expected value and
 * cleft's.
 *
 * @param field the expected value's field in the input, for the diagnostic's position
 * @param rows how many rows were compared
 */
record Mismatch(String column, CsvField field, double expected, double actual, double error, int rows) {
  boolean exceeds(double tolerance) {
    return error > tolerance;
  }

  /** {@code out_s differs from the expected value by a relative 3.2e-09 (tolerance 1e-12): ...} */
  void report(double tolerance, DiagnosticCollector diagnostics) {
    String by = Double.isInfinite(error) ? "" : String.format(Locale.ROOT, " by a relative %.1e", error);
    diagnostics.error(
        DiagnosticCode.CHECK_FAILED,
        field.span(),
        column + " differs from the expected value" + by + " (tolerance " + CsvNumbers.compact(tolerance)
            + "): expected " + CsvNumbers.format(expected) + ", got " + CsvNumbers.format(actual));
  }

  /** {@code checked 250 rows: worst relative error 1.0e-15 (out_s, line 212), tolerance 1e-12}. */
  String passed(double tolerance) {
    String where = error == 0 ? "" : " (" + column + ", line " + field.span().line() + ")";
    return String.format(
        Locale.ROOT,
        "checked %s: worst relative error %.1e%s, tolerance %s",
        DiagnosticReporter.plural(rows, "row"),
        error,
        where,
        CsvNumbers.compact(tolerance));
  }
}
