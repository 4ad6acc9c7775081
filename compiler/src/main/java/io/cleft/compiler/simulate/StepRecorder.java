package io.cleft.compiler.simulate;

import io.cleft.compiler.table.CsvWriter;
import io.cleft.runtime.EventKind;
import io.cleft.runtime.SynapsePopulation;
import java.util.ArrayList;
import java.util.List;

/**
 * Records one row per step: {@code t}, then each probe's value summed over the synapses (or,
 * per synapse, as columns {@code name[k]}); {@code v} is the compartment's, one column.
 */
final class StepRecorder implements Recorder {
  private final SynapsePopulation population;
  private final List<Probe> probes;
  private final boolean perSynapse;
  private final int synapses;
  private final double[][] currentValues;
  private final List<String> header = new ArrayList<>();
  private final List<double[]> rows = new ArrayList<>();
  private final DoubleList eventTimes = new DoubleList();

  StepRecorder(SynapsePopulation population, List<Probe> probes, boolean perSynapse) {
    this.population = population;
    this.probes = List.copyOf(probes);
    this.perSynapse = perSynapse;
    this.synapses = population.size();
    this.currentValues = new double[probes.size()][];
    header.add("t");
    for (int p = 0; p < probes.size(); p++) {
      Probe probe = probes.get(p);
      if (probe.kind() == Probe.Kind.CURRENT_VALUE) {
        currentValues[p] = new double[synapses];
      }
      if (perSynapse && probe.kind() != Probe.Kind.VOLTAGE) {
        for (int k = 0; k < synapses; k++) {
          header.add(probe.name() + "[" + k + "]");
        }
      } else {
        header.add(probe.name());
      }
    }
  }

  @Override
  public void captureCurrents(double t, double[] voltages) {
    for (int p = 0; p < probes.size(); p++) {
      if (currentValues[p] != null) {
        population.currentValues(probes.get(p).name(), t, voltages, currentValues[p]);
      }
    }
  }

  @Override
  public void endRow(double t, double v) {
    double[] row = new double[header.size()];
    row[0] = t;
    int column = 1;
    for (int p = 0; p < probes.size(); p++) {
      Probe probe = probes.get(p);
      if (probe.kind() == Probe.Kind.VOLTAGE) {
        row[column++] = v;
        continue;
      }
      double[] values = probe.kind() == Probe.Kind.STATE ? population.state(probe.name()) : currentValues[p];
      if (perSynapse) {
        System.arraycopy(values, 0, row, column, synapses);
        column += synapses;
      } else {
        double sum = 0;
        for (int k = 0; k < synapses; k++) {
          sum += values[k];
        }
        row[column++] = sum;
      }
    }
    rows.add(row);
  }

  @Override
  public void delivered(EventKind kind, int target, double time, double weight) {
    eventTimes.add(time);
  }

  @Override
  public Trace trace() {
    List<String> columns = List.copyOf(header);
    List<double[]> table = List.copyOf(rows);
    double[] events = eventTimes.toArray();
    return new Trace() {
      @Override
      public String csv() {
        return CsvWriter.write(columns, table);
      }

      @Override
      public List<PlotPanel> panels() {
        return StepRecorder.this.panels(table);
      }

      @Override
      public double[] eventTimes() {
        return events.clone();
      }

      @Override
      public int rowCount() {
        return table.size();
      }
    };
  }

  private List<PlotPanel> panels(List<double[]> table) {
    double[] times = column(table, 0);
    List<PlotPanel> panels = new ArrayList<>();
    int column = 1;
    for (Probe probe : probes) {
      int width = perSynapse && probe.kind() != Probe.Kind.VOLTAGE ? synapses : 1;
      List<PlotPanel.Series> series = new ArrayList<>();
      for (int k = 0; k < width; k++) {
        series.add(new PlotPanel.Series(header.get(column), times, column(table, column)));
        column++;
      }
      panels.add(new PlotPanel(probe.name(), probe.unit(), series, false));
    }
    return panels;
  }

  private static double[] column(List<double[]> table, int column) {
    double[] values = new double[table.size()];
    for (int row = 0; row < values.length; row++) {
      values[row] = table.get(row)[column];
    }
    return values;
  }
}
