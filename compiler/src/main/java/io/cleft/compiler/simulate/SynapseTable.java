package io.cleft.compiler.simulate;

import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.table.CsvField;
import io.cleft.compiler.table.CsvTable;
import io.cleft.compiler.table.NamedColumns;
import io.cleft.compiler.table.NumericTable;
import io.cleft.runtime.Quantity;
import io.cleft.runtime.SynapseMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The synapses of a run, one per row of {@code --synapses}: the parameters and initial states
 * given per synapse, and each synapse's NetCon delay and default event weight.
 *
 * @param count how many synapses
 * @param parameters the parameter columns, applied before {@code initialize()}
 * @param states the state columns, applied after it
 * @param delays each synapse's delay (ms) from a presynaptic spike to its event
 * @param weights each synapse's weight for events that have none, if the file gives them
 */
record SynapseTable(
    int count, List<QuantityColumn> parameters, List<QuantityColumn> states, double[] delays, Optional<double[]> weights) {
  static final String SYNAPSE = "synapse";
  static final String DELAY = "delay";
  static final String WEIGHT = "weight";

  /** One column of per-synapse values of a parameter or state. */
  record QuantityColumn(String name, double[] values) {}

  SynapseTable {
    parameters = List.copyOf(parameters);
    states = List.copyOf(states);
  }

  /** One synapse with the model's defaults, no delay and no default weight: the run without a file. */
  static SynapseTable single() {
    return new SynapseTable(1, List.of(), List.of(), new double[1], Optional.empty());
  }

  /** The synapses in {@code table}, or empty after reporting every problem with it. */
  static Optional<SynapseTable> read(CsvTable table, SynapseMetadata metadata, DiagnosticCollector diagnostics) {
    List<String> names = new ArrayList<>(List.of(SYNAPSE, DELAY, WEIGHT));
    boolean ok = true;
    for (CsvField field : table.header().fields()) {
      String name = field.text();
      if ((name.equals(DELAY) || name.equals(WEIGHT) || name.equals(SYNAPSE)) && isModelQuantity(metadata, name)) {
        ok = false;
        diagnostics.error(
            DiagnosticCode.AMBIGUOUS_COLUMN,
            field.span(),
            "column '" + name + "' is ambiguous: it is the synapse's " + meaning(name) + " and also a "
                + (metadata.parameter(name).isPresent() ? "parameter" : "state") + " of " + metadata.name()
                + "; rename that quantity in the model to use this file");
      }
    }
    names.removeIf(name -> isModelQuantity(metadata, name));
    metadata.parameters().forEach(p -> names.add(p.name()));
    metadata.states().forEach(s -> names.add(s.name()));
    Optional<NamedColumns> columns =
        NamedColumns.of(table, List.of(), names, "a table of " + metadata.name() + " synapses", diagnostics);
    NumericTable numbers = NumericTable.of(table, diagnostics);
    if (!ok || columns.isEmpty() || diagnostics.hasErrors()) {
      return Optional.empty();
    }
    int count = numbers.rows().size();
    if (count == 0) {
      diagnostics.error(DiagnosticCode.BAD_SYNAPSE_INDEX, table.header().span(), "the table has no rows; it needs one per synapse");
      return Optional.empty();
    }
    NamedColumns at = columns.get();
    if (at.has(SYNAPSE)) {
      int column = at.index(SYNAPSE);
      for (int row = 0; row < count; row++) {
        if (numbers.rows().get(row)[column] != row) {
          ok = false;
          diagnostics.error(
              DiagnosticCode.BAD_SYNAPSE_INDEX,
              numbers.field(row, column).span(),
              "synapse " + numbers.field(row, column).text() + " where " + row
                  + " belongs: the synapse column numbers the rows 0, 1, 2, ...");
        }
      }
    }
    double[] delays = new double[count];
    if (at.has(DELAY)) {
      int column = at.index(DELAY);
      for (int row = 0; row < count; row++) {
        delays[row] = numbers.rows().get(row)[column];
        if (!(delays[row] >= 0) || Double.isInfinite(delays[row])) {
          ok = false;
          diagnostics.error(
              DiagnosticCode.BAD_EVENT_VALUE, numbers.field(row, column).span(), "a delay must be a finite number of ms >= 0");
        }
      }
    }
    Optional<double[]> weights = Optional.empty();
    if (at.has(WEIGHT)) {
      double[] values = column(numbers, at.index(WEIGHT));
      for (int row = 0; row < count; row++) {
        if (!Double.isFinite(values[row])) {
          ok = false;
          diagnostics.error(
              DiagnosticCode.BAD_EVENT_VALUE, numbers.field(row, at.index(WEIGHT)).span(), "a weight must be a finite number");
        }
      }
      weights = Optional.of(values);
    }
    List<QuantityColumn> parameters = new ArrayList<>();
    for (Quantity parameter : metadata.parameters()) {
      if (at.has(parameter.name())) {
        ok &= inRange(numbers, at.index(parameter.name()), parameter, "parameter", diagnostics);
        if (metadata.isShared(parameter.name())) {
          ok &= sameOnEveryRow(numbers, at.index(parameter.name()), parameter, diagnostics);
        }
        parameters.add(new QuantityColumn(parameter.name(), column(numbers, at.index(parameter.name()))));
      }
    }
    List<QuantityColumn> states = new ArrayList<>();
    for (Quantity state : metadata.states()) {
      if (at.has(state.name())) {
        ok &= inRange(numbers, at.index(state.name()), state, "state", diagnostics);
        states.add(new QuantityColumn(state.name(), column(numbers, at.index(state.name()))));
      }
    }
    return ok ? Optional.of(new SynapseTable(count, parameters, states, delays, weights)) : Optional.empty();
  }

  private static boolean isModelQuantity(SynapseMetadata metadata, String name) {
    return metadata.parameter(name).isPresent() || metadata.state(name).isPresent();
  }

  private static String meaning(String column) {
    switch (column) {
      case DELAY:
        return "NetCon delay";
      case WEIGHT:
        return "default event weight";
      default:
        return "row number";
    }
  }

  private static double[] column(NumericTable numbers, int column) {
    double[] values = new double[numbers.rows().size()];
    for (int row = 0; row < values.length; row++) {
      values[row] = numbers.rows().get(row)[column];
    }
    return values;
  }

  /**
   * A shared parameter has one value for the whole population, so its column must not vary; the
   * first row that differs from the first is reported.
   */
  private static boolean sameOnEveryRow(NumericTable numbers, int column, Quantity parameter, DiagnosticCollector diagnostics) {
    OptionalInt differing = numbers.firstRowDiffering(column);
    if (differing.isEmpty()) {
      return true;
    }
    int row = differing.getAsInt();
    diagnostics.error(
        DiagnosticCode.SHARED_COLUMN_VARIES,
        numbers.field(row, column).span(),
        "shared parameter " + parameter.name() + " is " + numbers.field(row, column).text() + " for synapse " + row
            + " but " + numbers.field(0, column).text() + " for synapse 0; a shared parameter has one value for"
            + " every synapse (set it with --set " + parameter.name() + "=VALUE)");
    return false;
  }

  private static boolean inRange(
      NumericTable numbers, int column, Quantity quantity, String kind, DiagnosticCollector diagnostics) {
    boolean ok = true;
    for (int row = 0; row < numbers.rows().size(); row++) {
      double value = numbers.rows().get(row)[column];
      if (!quantity.inRange(value)) {
        ok = false;
        diagnostics.error(
            DiagnosticCode.OUT_OF_RANGE_INPUT,
            numbers.field(row, column).span(),
            kind + " " + quantity.name() + " = " + numbers.field(row, column).text() + " is outside its declared range "
                + quantity.rangeText());
      }
    }
    return ok;
  }
}
