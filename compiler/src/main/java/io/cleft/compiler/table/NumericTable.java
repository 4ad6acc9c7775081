package io.cleft.compiler.table;

import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A CSV table with every data field read as a number.
 *
 * @param rows one array per row of {@code table}, same order, one value per column
 */
public record NumericTable(CsvTable table, List<double[]> rows) {
  public NumericTable {
    rows = List.copyOf(rows);
  }

  /** Reads every field, reporting each one that is not a number (with a caret on it). */
  public static NumericTable of(CsvTable table, DiagnosticCollector diagnostics) {
    List<double[]> rows = new ArrayList<>();
    for (CsvRecord record : table.rows()) {
      double[] values = new double[record.fields().size()];
      for (int i = 0; i < values.length; i++) {
        CsvField field = record.fields().get(i);
        try {
          values[i] = CsvNumbers.parse(field.text());
        } catch (NumberFormatException e) {
          diagnostics.error(DiagnosticCode.MALFORMED_NUMBER, field.span(), e.getMessage());
        }
      }
      rows.add(values);
    }
    return new NumericTable(table, rows);
  }

  /**
   * The first row whose value in {@code column} differs from the first row's, bit for bit (as a
   * population compares a shared parameter's values: -0 and 0 are two values); empty if none.
   */
  public OptionalInt firstRowDiffering(int column) {
    for (int row = 1; row < rows.size(); row++) {
      if (Double.compare(rows.get(row)[column], rows.get(0)[column]) != 0) {
        return OptionalInt.of(row);
      }
    }
    return OptionalInt.empty();
  }

  /** The field at {@code row}, {@code column}, for pointing at a value in messages. */
  public CsvField field(int row, int column) {
    return table.rows().get(row).fields().get(column);
  }
}
