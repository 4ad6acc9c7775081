package io.cleft.compiler.evaluate;

import io.cleft.compiler.ir.IrProgram;
import io.cleft.compiler.model.Symbol;
import io.cleft.compiler.table.Column;
import io.cleft.compiler.table.ColumnLayout;
import io.cleft.compiler.table.ColumnRole;
import java.util.List;

/**
 * Runs a model on one row of an eval input: parameters not in the input take their declared
 * defaults, and states not in it the values the model's {@code initial} block gives them from the
 * row's parameters, as a simulator would give them.
 */
final class RowEvaluator {
  private final ModelRunner runner;
  private final ColumnLayout layout;
  private final double[] defaultParameters;

  RowEvaluator(IrProgram program, ModelRunner runner, ColumnLayout layout) {
    this.runner = runner;
    this.layout = layout;
    this.defaultParameters =
        program.model().parameters().stream().mapToDouble(Symbol.Parameter::defaultValue).toArray();
  }

  /** The output row for {@code input} (one value per input column), in output-column order. */
  double[] evaluate(double[] input) {
    double[] parameters = defaultParameters.clone();
    double t = 0;
    double dt = Double.NaN;
    double vPre = Double.NaN;
    double vPost = Double.NaN;
    List<Column> inputs = layout.inputs();
    for (int i = 0; i < inputs.size(); i++) {
      Column column = inputs.get(i);
      switch (column.role()) {
        case DT -> dt = input[i];
        case TIME -> t = input[i];
        case V_PRE -> vPre = input[i];
        case V_POST -> vPost = input[i];
        case PARAMETER -> parameters[column.index()] = input[i];
        case STATE, EXPECTED_STATE, EXPECTED_CURRENT -> {
          // States after the parameters, below; expectations are compared by ToleranceCheck.
        }
      }
    }
    double[] states = runner.initial(parameters);
    for (int i = 0; i < inputs.size(); i++) {
      if (inputs.get(i).role() == ColumnRole.STATE) {
        states[inputs.get(i).index()] = input[i];
      }
    }
    double[] next = runner.update(parameters, states, t, dt, vPre, vPost);
    // From the input states, not the updated ones: Jaxley computes the current before the step.
    double current = runner.current(parameters, states, t, vPre, vPost);

    List<Column> outputs = layout.outputs();
    double[] output = new double[outputs.size()];
    for (int i = 0; i < output.length; i++) {
      Column column = outputs.get(i);
      if (column.role() == ColumnRole.EXPECTED_STATE) {
        output[i] = next[column.index()];
      } else if (column.role() == ColumnRole.EXPECTED_CURRENT) {
        output[i] = current;
      } else {
        output[i] = input[i];
      }
    }
    return output;
  }
}
