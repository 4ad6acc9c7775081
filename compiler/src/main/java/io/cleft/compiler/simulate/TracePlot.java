package io.cleft.compiler.simulate;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code --plot}: the recorded traces as a PNG made with XChart, one panel per quantity stacked
 * over a shared time axis, with the unit on each value axis and a thin vertical line at each
 * delivered event. Drawn headless: no display is needed or opened.
 */
final class TracePlot {
  static final int WIDTH = 900;
  static final int PANEL_HEIGHT = 260;

  /**
   * A line through more points than the image has pixels shows nothing more: a series keeps
   * at most this many (every n-th, the last one included).
   */
  static final int MAX_POINTS = 4 * WIDTH;

  /** Beyond this many event lines a panel would be solid colour; the rest are left out. */
  static final int MAX_EVENT_LINES = 400;

  private TracePlot() {}

  /** The PNG's bytes. */
  static byte[] png(List<PlotPanel> panels, double[] eventTimes) {
    System.setProperty("java.awt.headless", "true");
    List<XYChart> charts = new ArrayList<>();
    double[] marks = distinct(eventTimes);
    for (PlotPanel panel : panels) {
      XYChart chart =
          new XYChartBuilder()
              .width(WIDTH)
              .height(PANEL_HEIGHT)
              .title(panel.quantity())
              .xAxisTitle("t (ms)")
              .yAxisTitle(isDimensionless(panel.unit()) ? panel.quantity() : panel.quantity() + " (" + panel.unit() + ")")
              .build();
      // NEURON's accumulated time puts ticks at 16.799999999999958 without a pattern.
      chart.getStyler().setXAxisDecimalPattern("#0.###");
      chart.getStyler().setXAxisTickMarkSpacingHint(90);
      chart.getStyler().setLegendVisible(panel.series().size() > 1 && panel.series().size() <= 12);
      chart.getStyler().setMarkerSize(4);
      chart.getStyler().setAnnotationLineColor(new Color(200, 60, 60, 110));
      for (PlotPanel.Series series : panel.series()) {
        XYSeries drawn = chart.addSeries(series.name(), thin(series.times()), thin(series.values()));
        if (panel.markers()) {
          drawn.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        } else {
          drawn.setMarker(SeriesMarkers.NONE);
        }
      }
      for (double mark : marks) {
        chart.addAnnotation(new AnnotationLine(mark, true, false));
      }
      charts.add(chart);
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BitmapEncoder.saveBitmap(charts, charts.size(), 1, out, BitmapEncoder.BitmapFormat.PNG);
      return out.toByteArray();
    } catch (IOException e) {
      // Into memory: only a broken image encoder fails here.
      throw new IllegalStateException("cannot encode the plot as PNG", e);
    }
  }

  private static boolean isDimensionless(String unit) {
    return unit.isEmpty() || unit.equals("1");
  }

  private static double[] thin(double[] values) {
    if (values.length <= MAX_POINTS) {
      return values;
    }
    int stride = (values.length + MAX_POINTS - 1) / MAX_POINTS;
    double[] kept = new double[(values.length - 1) / stride + 2];
    int n = 0;
    for (int i = 0; i < values.length; i += stride) {
      kept[n++] = values[i];
    }
    if ((values.length - 1) % stride != 0) {
      kept[n++] = values[values.length - 1];
    }
    return Arrays.copyOf(kept, n);
  }

  private static double[] distinct(double[] times) {
    double[] sorted = times.clone();
    Arrays.sort(sorted);
    double[] kept = new double[Math.min(sorted.length, MAX_EVENT_LINES)];
    int n = 0;
    for (int i = 0; i < sorted.length && n < kept.length; i++) {
      if (n == 0 || sorted[i] != kept[n - 1]) {
        kept[n++] = sorted[i];
      }
    }
    return Arrays.copyOf(kept, n);
  }
}
