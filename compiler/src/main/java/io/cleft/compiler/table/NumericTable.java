package io.cleft.compiler.table;

import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import java.util.ArrayList;
import java.util.List;

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

  /** The field at {@code row}, {@code column}, for pointing at a value in messages. */
  public CsvField field(int row, int column) {
    return table.rows().get(row).fields().get(column);
  }
}
