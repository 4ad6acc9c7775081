package io.cleft.compiler.simulate;

import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.table.CsvField;
import io.cleft.compiler.table.CsvTable;
import io.cleft.compiler.table.NamedColumns;
import io.cleft.compiler.table.NumericTable;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A voltage given at increasing times, linearly interpolated between them and held at the first
 * and last value outside them: how a recorded trace drives a clamp.
 */
final class VoltageTrace implements VoltageSource {
  private final double[] times;
  private final double[] values;

  private VoltageTrace(double[] times, double[] values) {
    this.times = times;
    this.values = values;
  }

  /** The trace in {@code table} (columns {@code t}, {@code v}), or empty after reporting why not. */
  static Optional<VoltageTrace> read(CsvTable table, DiagnosticCollector diagnostics) {
    Optional<NamedColumns> columns =
        NamedColumns.of(table, List.of("t", "v"), List.of(), "a voltage trace", diagnostics);
    NumericTable numbers = NumericTable.of(table, diagnostics);
    if (columns.isEmpty() || diagnostics.hasErrors()) {
      return Optional.empty();
    }
    int tColumn = columns.get().index("t");
    int vColumn = columns.get().index("v");
    int rows = numbers.rows().size();
    if (rows == 0) {
      diagnostics.error(DiagnosticCode.BAD_VOLTAGE_TRACE, table.header().span(), "the trace has no rows; it needs at least one");
      return Optional.empty();
    }
    double[] times = new double[rows];
    double[] values = new double[rows];
    boolean ok = true;
    for (int row = 0; row < rows; row++) {
      times[row] = numbers.rows().get(row)[tColumn];
      values[row] = numbers.rows().get(row)[vColumn];
      CsvField tField = numbers.field(row, tColumn);
      CsvField vField = numbers.field(row, vColumn);
      if (!Double.isFinite(times[row])) {
        ok = false;
        diagnostics.error(DiagnosticCode.BAD_VOLTAGE_TRACE, tField.span(), "the time must be a finite number of ms");
      } else if (row > 0 && !(times[row] > times[row - 1])) {
        ok = false;
        diagnostics.error(
            DiagnosticCode.BAD_VOLTAGE_TRACE,
            tField.span(),
            "times must increase: " + tField.text() + " comes after " + numbers.field(row - 1, tColumn).text());
      }
      if (!Double.isFinite(values[row])) {
        ok = false;
        diagnostics.error(DiagnosticCode.BAD_VOLTAGE_TRACE, vField.span(), "the voltage must be a finite number of mV");
      }
    }
    return ok ? Optional.of(new VoltageTrace(times, values)) : Optional.empty();
  }

  @Override
  public double at(double t) {
    if (t <= times[0]) {
      return values[0];
    }
    int last = times.length - 1;
    if (t >= times[last]) {
      return values[last];
    }
    int found = Arrays.binarySearch(times, t);
    if (found >= 0) {
      return values[found];
    }
    int after = -found - 1;
    int before = after - 1;
    double fraction = (t - times[before]) / (times[after] - times[before]);
    return values[before] + fraction * (values[after] - values[before]);
  }
}
