package io.cleft.compiler.simulate;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress line on standard error for runs longer than a second: rewritten in place (with a
 * carriage return) at most once a second, ended with a newline when the run ends. A run that
 * ends within its first second prints nothing, so short runs and tests stay quiet.
 */
final class ProgressLine {
  private static final long SECOND = 1_000_000_000L;
  /** The clock is read every this many steps: a step can take less time than reading it. */
  private static final int STEPS_PER_LOOK = 64;

  private final PrintWriter err;
  private final int steps;
  private final LongSupplier nanoClock;
  private final long start;
  private long lastPrinted;
  private boolean printed;

  ProgressLine(PrintWriter err, int steps, LongSupplier nanoClock) {
    this.err = err;
    this.steps = steps;
    this.nanoClock = nanoClock;
    this.start = nanoClock.getAsLong();
    this.lastPrinted = start;
  }

  /** Step {@code done} (counting from 1) has ended. */
  void stepDone(int done) {
    if (done % STEPS_PER_LOOK != 0 && done != steps) {
      return;
    }
    long now = nanoClock.getAsLong();
    if (now - start >= SECOND && now - lastPrinted >= SECOND) {
      print(done);
      lastPrinted = now;
    }
  }

  /** The run has ended: the last state of the line, and its newline, if it was shown. */
  void finish() {
    if (printed) {
      print(steps);
      err.println();
      err.flush();
    }
  }

  private void print(int done) {
    printed = true;
    err.print(String.format(Locale.ROOT, "\rcleft run: step %,d of %,d (%d%%)", done, steps, (int) (100L * done / steps)));
    err.flush();
  }
}
