package io.cleft.compiler.table;

import io.cleft.compiler.diagnostic.DiagnosticCode;
import io.cleft.compiler.diagnostic.DiagnosticCollector;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.model.SynapseModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The meaning of each column of an eval input, and the columns of its output: the input's in
 * input order, then the {@code out_<state>} (in state order) and {@code current} columns the
 * input lacks, so every output has cleft's full result.
 */
public final class ColumnLayout {
  private static final List<ColumnRole> REQUIRED = List.of(ColumnRole.DT, ColumnRole.V_PRE, ColumnRole.V_POST);

  private final List<Column> inputs;
  private final List<Column> outputs;

  private ColumnLayout(List<Column> inputs, List<Column> outputs) {
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
  }

  /** The layout of {@code table}'s header, or empty after reporting every problem with it. */
  public static Optional<ColumnLayout> of(CsvTable table, SynapseModel model, DiagnosticCollector diagnostics) {
    Map<String, Column> known = knownColumns(model);
    HeaderCheck header = HeaderCheck.of(table, known.keySet(), model.name(), diagnostics);
    boolean ok = header.ok();
    List<Column> inputs = new ArrayList<>();
    header.positions().keySet().forEach(name -> inputs.add(known.get(name)));
    if (model.readsTime() && inputs.stream().noneMatch(c -> c.role() == ColumnRole.TIME)) {
      ok = false;
      diagnostics.error(
          DiagnosticCode.UNKNOWN_COLUMN,
          table.header().span(),
          "missing column 't': " + model.name() + " reads the time t, so every row needs it (ms, the step's start)");
    }
    for (ColumnRole role : REQUIRED) {
      if (inputs.stream().noneMatch(c -> c.role() == role)) {
        ok = false;
        diagnostics.error(
            DiagnosticCode.UNKNOWN_COLUMN,
            table.header().span(),
            "missing column '" + nameOf(known, role) + "': every row needs dt, v_pre and v_post");
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    List<Column> outputs = new ArrayList<>(inputs);
    for (Column column : known.values()) {
      if (column.role().isExpected() && !inputs.contains(column)) {
        outputs.add(column);
      }
    }
    return Optional.of(new ColumnLayout(inputs, outputs));
  }

  // In the order users read them in the message listing known columns: inputs, parameters,
  // states, then the expected values. A parameter called out_s would shadow the expected column
  // of a state s; putIfAbsent keeps the parameter, as the input is the more basic meaning.
  private static Map<String, Column> knownColumns(SynapseModel model) {
    Map<String, Column> known = new LinkedHashMap<>();
    known.put(Symbol.Input.DT.symbol(), new Column(Symbol.Input.DT.symbol(), ColumnRole.DT, 0));
    if (model.readsTime()) {
      known.put(Symbol.Input.T.symbol(), new Column(Symbol.Input.T.symbol(), ColumnRole.TIME, 0));
    }
    known.put(Symbol.Input.V_PRE.symbol(), new Column(Symbol.Input.V_PRE.symbol(), ColumnRole.V_PRE, 0));
    known.put(Symbol.Input.V_POST.symbol(), new Column(Symbol.Input.V_POST.symbol(), ColumnRole.V_POST, 0));
    for (Symbol.Parameter parameter : model.parameters()) {
      known.putIfAbsent(parameter.name(), new Column(parameter.name(), ColumnRole.PARAMETER, parameter.index()));
    }
    for (Symbol.State state : model.states()) {
      known.putIfAbsent(state.name(), new Column(state.name(), ColumnRole.STATE, state.index()));
    }
    for (Symbol.State state : model.states()) {
      String name = "out_" + state.name();
      known.putIfAbsent(name, new Column(name, ColumnRole.EXPECTED_STATE, state.index()));
    }
    known.putIfAbsent("current", new Column("current", ColumnRole.EXPECTED_CURRENT, 0));
    return known;
  }

  private static String nameOf(Map<String, Column> known, ColumnRole role) {
    return known.values().stream().filter(c -> c.role() == role).findFirst().orElseThrow().name();
  }

  /** The input's columns, in input order. */
  public List<Column> inputs() {
    return inputs;
  }

  /** The output's columns: the inputs', then the expected columns the input lacks. */
  public List<Column> outputs() {
    return outputs;
  }

  /** The output's header: the names of {@link #outputs()}. */
  public List<String> outputNames() {
    return outputs.stream().map(Column::name).toList();
  }

  /** The names of the columns cleft computes, as listed for "nothing to check". */
  public List<String> expectedNames() {
    return outputs.stream().filter(c -> c.role().isExpected()).map(Column::name).toList();
  }
}
