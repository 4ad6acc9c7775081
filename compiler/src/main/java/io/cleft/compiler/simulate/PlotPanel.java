package io.cleft.compiler.simulate;

import java.util.List;

/**
 * One panel of a plot: a quantity over time, one series per synapse (or one for their sum).
 *
 * @param unit the quantity's unit, for the axis title
 * @param markers whether to draw points (one row per event) rather than lines (one per step)
 */
record PlotPanel(String quantity, String unit, List<Series> series, boolean markers) {
  record Series(String name, double[] times, double[] values) {}

  PlotPanel {
    series = List.copyOf(series);
  }
}
