package io.cleft.compiler.simulate;

import io.cleft.compiler.table.CsvNumbers;
import io.cleft.compiler.table.CsvWriter;
import io.cleft.runtime.EventKind;
import io.cleft.runtime.SynapsePopulation;
import java.util.ArrayList;
import java.util.List;

/**
 * Records one row per synapse an event reaches, right after its handler ran, in delivery
 * order: {@code t} (the event's own time), {@code synapse}, {@code kind}, then each probe's
 * value for that synapse. A post event reaches every synapse onto its compartment, so it gives
 * one row for each, in synapse order. The steps themselves record nothing.
 */
final class EventRecorder implements Recorder {
  private final SynapsePopulation population;
  private final List<Probe> probes;
  private final int[] postIndex;
  private final double[] voltages;
  private final double[][] currentValues;
  private final List<Row> rows = new ArrayList<>();

  private record Row(double time, int synapse, EventKind kind, double[] values) {}

  /**
   * @param postIndex each synapse's postsynaptic compartment, as the population has it
   * @param voltages the loop's live voltages, which the current values are computed from
   */
  EventRecorder(SynapsePopulation population, List<Probe> probes, int[] postIndex, double[] voltages) {
    this.population = population;
    this.probes = List.copyOf(probes);
    this.postIndex = postIndex.clone();
    this.voltages = voltages;
    this.currentValues = new double[probes.size()][];
    for (int p = 0; p < probes.size(); p++) {
      if (probes.get(p).kind() == Probe.Kind.CURRENT_VALUE) {
        currentValues[p] = new double[population.size()];
      }
    }
  }

  @Override
  public void captureCurrents(double t, double[] voltages) {}

  @Override
  public void endRow(double t, double v) {}

  @Override
  public void delivered(EventKind kind, int target, double time, double weight) {
    for (int p = 0; p < probes.size(); p++) {
      if (currentValues[p] != null) {
        population.currentValues(probes.get(p).name(), time, voltages, currentValues[p]);
      }
    }
    if (kind == EventKind.PRE) {
      record(time, target, kind);
      return;
    }
    for (int k = 0; k < postIndex.length; k++) {
      if (postIndex[k] == target) {
        record(time, k, kind);
      }
    }
  }

  private void record(double time, int synapse, EventKind kind) {
    double[] values = new double[probes.size()];
    for (int p = 0; p < probes.size(); p++) {
      Probe probe = probes.get(p);
      switch (probe.kind()) {
        case STATE:
          values[p] = population.state(probe.name())[synapse];
          break;
        case CURRENT_VALUE:
          values[p] = currentValues[p][synapse];
          break;
        default:
          values[p] = voltages[postIndex[synapse]];
          break;
      }
    }
    rows.add(new Row(time, synapse, kind, values));
  }

  @Override
  public Trace trace() {
    List<Row> table = List.copyOf(rows);
    return new Trace() {
      @Override
      public String csv() {
        List<String> header = new ArrayList<>(List.of("t", "synapse", "kind"));
        probes.forEach(p -> header.add(p.name()));
        List<List<String>> fields = new ArrayList<>();
        for (Row row : table) {
          List<String> line = new ArrayList<>();
          line.add(CsvNumbers.format(row.time()));
          line.add(Integer.toString(row.synapse()));
          line.add(EventTable.kindName(row.kind()));
          for (double value : row.values()) {
            line.add(CsvNumbers.format(value));
          }
          fields.add(line);
        }
        return CsvWriter.writeFields(header, fields);
      }

      @Override
      public List<PlotPanel> panels() {
        double[] times = new double[table.size()];
        for (int row = 0; row < times.length; row++) {
          times[row] = table.get(row).time();
        }
        List<PlotPanel> panels = new ArrayList<>();
        for (int p = 0; p < probes.size(); p++) {
          double[] values = new double[table.size()];
          for (int row = 0; row < values.length; row++) {
            values[row] = table.get(row).values()[p];
          }
          Probe probe = probes.get(p);
          panels.add(new PlotPanel(probe.name(), probe.unit(), List.of(new PlotPanel.Series(probe.name(), times, values)), true));
        }
        return panels;
      }

      @Override
      public double[] eventTimes() {
        double[] times = new double[table.size()];
        for (int row = 0; row < times.length; row++) {
          times[row] = table.get(row).time();
        }
        return times;
      }

      @Override
      public int rowCount() {
        return table.size();
      }
    };
  }
}
