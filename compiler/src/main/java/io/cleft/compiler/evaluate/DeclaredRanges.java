package io.cleft.compiler.evaluate;

import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.model.SynapseModel;
import io.cleft.compiler.model.ValueRange;
import io.cleft.compiler.source.SourceSpan;
import io.cleft.compiler.table.Column;
import io.cleft.compiler.table.ColumnLayout;
import io.cleft.compiler.table.CsvField;
import io.cleft.compiler.table.CsvNumbers;
import io.cleft.compiler.table.NumericTable;
import java.util.List;
import java.util.Optional;

/**
 * Enforces the {@code in [lo, hi]} ranges of parameters and states on the values an eval input
 * gives them. A model's equations may be meaningless outside the range (a negative rate, a zero
 * time constant that makes the step NaN), so such a row is an error in the data, reported at the
 * field, not a number silently computed. NaN is in no range.
 */
final class DeclaredRanges {
  private DeclaredRanges() {}

  static void check(ColumnLayout layout, NumericTable table, SynapseModel model, DiagnosticCollector diagnostics) {
    List<Column> inputs = layout.inputs();
    for (int i = 0; i < inputs.size(); i++) {
      Optional<Declared> declared = declared(inputs.get(i), model);
      if (declared.isEmpty()) {
        continue;
      }
      ValueRange range = declared.get().range();
      for (int row = 0; row < table.rows().size(); row++) {
        double value = table.rows().get(row)[i];
        if (!range.contains(value)) {
          CsvField field = table.field(row, i);
          diagnostics.error(
              DiagnosticCode.OUT_OF_RANGE_INPUT,
              field.span(),
              declared.get().kind() + " " + inputs.get(i).name() + " = " + field.text() + " is outside its declared range "
                  + text(range) + " (declared at " + declared.get().span() + ")");
        }
      }
    }
  }

  /** A range as a model writes it: {@code [0, inf]}. */
  static String text(ValueRange range) {
    return "[" + bound(range.lower()) + ", " + bound(range.upper()) + "]";
  }

  private static String bound(double value) {
    if (Double.isInfinite(value)) {
      return value < 0 ? "-inf" : "inf";
    }
    return CsvNumbers.compact(value);
  }

  private record Declared(String kind, ValueRange range, SourceSpan span) {}

  private static Optional<Declared> declared(Column column, SynapseModel model) {
    return switch (column.role()) {
      case PARAMETER -> {
        Symbol.Parameter parameter = model.parameters().get(column.index());
        yield parameter.range().map(range -> new Declared("parameter", range, parameter.span()));
      }
      case STATE -> {
        Symbol.State state = model.states().get(column.index());
        yield state.range().map(range -> new Declared("state", range, state.span()));
      }
      case DT, TIME, V_PRE, V_POST, EXPECTED_STATE, EXPECTED_CURRENT -> Optional.empty();
    };
  }
}
