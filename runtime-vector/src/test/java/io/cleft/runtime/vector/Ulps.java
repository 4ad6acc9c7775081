package io.cleft.runtime.vector;

/** Distances between doubles in units in the last place, for the accuracy tests. */
final class Ulps {
  private Ulps() {}

  /**
   * How many doubles lie between {@code a} and {@code b}: 0 for the same value (and for two
   * NaNs, or 0.0 and -0.0), {@link Long#MAX_VALUE} if only one is NaN.
   */
  static long distance(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.isNaN(a) && Double.isNaN(b) ? 0 : Long.MAX_VALUE;
    }
    if (a == b) {
      return 0;
    }
    return Math.abs(ordered(a) - ordered(b));
  }

  /** The bits of {@code x} as a long that grows with {@code x}, negative values included. */
  private static long ordered(double x) {
    long bits = Double.doubleToRawLongBits(x);
    return bits < 0 ? Long.MIN_VALUE - bits : bits;
  }
}
