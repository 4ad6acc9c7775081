package io.cleft.compiler.simulate;

import io.cleft.compiler.table.CsvNumbers;
import java.util.Locale;

/**
 * The steps of a run: {@code steps} steps of {@code dt} ms, from 0 to tstop = steps * dt.
 *
 * @param dt the time step (ms), finite and positive
 * @param steps how many steps, at least 1
 */
public record TimeGrid(double dt, int steps) {
  /** The most steps a run takes: every row is kept in memory until it is written. */
  public static final int MAX_STEPS = 10_000_000;

  /** How far tstop / dt may be from a whole number, relative to it. */
  static final double WHOLE_STEPS_TOLERANCE = 1e-9;

  public TimeGrid {
    if (!(dt > 0) || Double.isInfinite(dt) || steps < 1 || steps > MAX_STEPS) {
      throw new IllegalArgumentException("dt " + dt + " and steps " + steps);
    }
  }

  /**
   * The grid from tstop to tstop with steps of dt: round(tstop / dt) steps.
   *
   * @throws IllegalArgumentException with a message fit for a usage error, if dt is not a
   *     positive number, tstop is not positive, or tstop is not a whole number of steps
   */
  public static TimeGrid of(double tstop, double dt) {
    if (!(dt > 0) || Double.isInfinite(dt)) {
      throw new IllegalArgumentException("--dt must be a positive number of ms, not " + CsvNumbers.compact(dt));
    }
    if (!(tstop > 0) || Double.isInfinite(tstop)) {
      throw new IllegalArgumentException("--tstop must be a positive number of ms, not " + CsvNumbers.compact(tstop));
    }
    double ratio = tstop / dt;
    double steps = Math.rint(ratio);
    if (Math.abs(ratio - steps) > WHOLE_STEPS_TOLERANCE * Math.max(1, ratio) || steps < 1) {
      throw new IllegalArgumentException(
          "--tstop " + CsvNumbers.compact(tstop) + " is not a whole number of steps of --dt " + CsvNumbers.compact(dt)
              + " (it is " + String.format(Locale.ROOT, "%.6g", ratio) + " steps)");
    }
    if (steps > MAX_STEPS) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "--tstop / --dt is %.3g steps; a run takes at most %,d", steps, MAX_STEPS));
    }
    return new TimeGrid(dt, (int) steps);
  }

  /** The run's end, steps * dt (ms). */
  public double tstop() {
    return steps * dt;
  }
}
