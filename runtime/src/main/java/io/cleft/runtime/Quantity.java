package io.cleft.runtime;

import java.util.Objects;

/**
 * Metadata of one parameter or state, for tools: its unprefixed name, default (or initial)
 * value, unit as written in the model, valid range (infinite bounds when unrestricted) and doc.
 */
public record Quantity(String name, double defaultValue, String unit, double lower, double upper, String doc) {
  public Quantity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(doc, "doc");
  }

  /** Whether {@code value} lies in the range; NaN lies in none. */
  public boolean inRange(double value) {
    return value >= lower && value <= upper;
  }

  /** The range as the model writes it: {@code [0, inf]}. */
  public String rangeText() {
    return "[" + bound(lower) + ", " + bound(upper) + "]";
  }

  private static String bound(double value) {
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }
}
