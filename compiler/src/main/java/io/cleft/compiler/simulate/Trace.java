package io.cleft.compiler.simulate;

import java.util.List;

/** What a run recorded: the CSV it writes and the panels of its plot. */
interface Trace {
  /** The CSV text, every number spelt to read back as the same double. */
  String csv();

  /** One panel per recorded quantity. */
  List<PlotPanel> panels();

  /** The times (ms) of the delivered events, in delivery order, to mark on the plot. */
  double[] eventTimes();

  /** How many rows (without the header). */
  int rowCount();
}
