package io.cleft.compiler.model;

/** The valid range of a parameter or state, in its declared unit; bounds may be infinite. */
public record ValueRange(double lower, double upper) {
  public boolean contains(double value) {
    return value >= lower && value <= upper;
  }

  @Override
  public String toString() {
    return "[" + bound(lower) + ", " + bound(upper) + "]";
  }

  private static String bound(double value) {
    if (Double.isInfinite(value)) {
      return value < 0 ? "-inf" : "inf";
    }
    return Double.toString(value);
  }
}
