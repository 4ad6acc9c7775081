package io.cleft.compiler.evaluate;

import io.cleft.compiler.table.Column;
import io.cleft.compiler.table.ColumnLayout;
import io.cleft.compiler.table.NumericTable;
import java.util.List;
import java.util.Optional;

/** Compares the expected columns of an eval input with cleft's values for them. */
final class ToleranceCheck {
  private ToleranceCheck() {}

  /**
   * The worst difference over every expected field, the first one on a tie so the message
   * points at the earliest offender; empty if the input has no expected column or no rows.
   */
  static Optional<Mismatch> worst(ColumnLayout layout, NumericTable input, List<double[]> outputs) {
    List<Column> columns = layout.inputs();
    Mismatch worst = null;
    for (int row = 0; row < outputs.size(); row++) {
      for (int i = 0; i < columns.size(); i++) {
        if (!columns.get(i).role().isExpected()) {
          continue;
        }
        // Output columns start with the input's, so index i is the same column in both.
        double expected = input.rows().get(row)[i];
        double actual = outputs.get(row)[i];
        double error = RelativeError.of(expected, actual);
        if (worst == null || error > worst.error()) {
          worst = new Mismatch(
              columns.get(i).name(), input.field(row, i), expected, actual, error, outputs.size());
        }
      }
    }
    return Optional.ofNullable(worst);
  }
}
