package io.cleft.compiler.evaluate;

/** The relative difference used by {@code cleft eval --check}. */
final class RelativeError {
  private RelativeError() {}

  /**
   * {@code |a - b| / max(|a|, |b|)}: 0 when the two are equal (both NaN or the same infinity
   * included), infinite when only one is NaN or they are different infinities, otherwise at most
   * 2.
   */
  static double of(double a, double b) {
    if (a == b || (Double.isNaN(a) && Double.isNaN(b))) {
      return 0;
    }
    if (Double.isNaN(a) || Double.isNaN(b) || Double.isInfinite(a) || Double.isInfinite(b)) {
      return Double.POSITIVE_INFINITY;
    }
    double scale = Math.max(Math.abs(a), Math.abs(b));
    double difference = Math.abs(a - b);
    if (Double.isInfinite(difference)) {
      // Opposite signs near the top of the range: scale first so the difference cannot overflow.
      return Math.abs(a / scale - b / scale);
    }
    return difference / scale;
  }
}
