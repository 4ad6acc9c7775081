package io.cleft.compiler.simulate;

import java.util.Arrays;

/** A growable list of doubles without boxing, for the event times a run collects. */
final class DoubleList {
  private double[] values = new double[16];
  private int size;

  void add(double value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, 2 * size);
    }
    values[size++] = value;
  }

  double[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
