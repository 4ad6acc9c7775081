package io.cleft.compiler.evaluate;

import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.model.SynapseModel;
import io.cleft.compiler.table.Column;
import io.cleft.compiler.table.ColumnLayout;
import io.cleft.compiler.table.ColumnRole;
import io.cleft.compiler.table.CsvField;
import io.cleft.compiler.table.NumericTable;
import java.util.List;

/**
 * A shared parameter has one value for the whole population, so an eval input that gives it a
 * column must give the same value on every row: rows that differ would describe synapses the
 * generated population cannot hold. The first row that differs from the first is reported, at
 * its field, once per column.
 */
final class SharedColumns {
  private SharedColumns() {}

  static void check(ColumnLayout layout, NumericTable table, SynapseModel model, DiagnosticCollector diagnostics) {
    List<Column> inputs = layout.inputs();
    for (int i = 0; i < inputs.size(); i++) {
      if (inputs.get(i).role() != ColumnRole.PARAMETER) {
        continue;
      }
      Symbol.Parameter parameter = model.parameters().get(inputs.get(i).index());
      if (!parameter.shared()) {
        continue;
      }
      int column = i;
      table.firstRowDiffering(column).ifPresent(row -> {
        CsvField field = table.field(row, column);
        diagnostics.error(
            DiagnosticCode.SHARED_COLUMN_VARIES,
            field.span(),
            "shared parameter " + parameter.name() + " is " + field.text() + " on row " + (row + 1) + " but "
                + table.field(0, column).text() + " on row 1; a shared parameter has one value for the whole population"
                + " (declared at " + parameter.span() + ")");
      });
    }
  }
}
