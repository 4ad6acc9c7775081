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

  public boolean inRange(double value) {
    return value >= lower && value <= upper;
  }
}
