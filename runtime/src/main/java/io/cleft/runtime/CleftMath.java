package io.cleft.runtime;

/**
 * The cleft language's built-in functions, with exactly the semantics the reference interpreter
 * uses. Generated code and the interpreter both call these, so they agree bit for bit.
 *
 * <p>Every function is a thin, final wrapper over {@link Math} so that the JIT inlines it and
 * uses the same intrinsic in interpreted and compiled code.
 */
public final class CleftMath {
  /** The clip of {@link #safeExp}: Jaxley's {@code save_exp} caps its argument here. */
  public static final double SAFE_EXP_MAX = 20.0;

  private CleftMath() {}

  public static double exp(double x) {
    return Math.exp(x);
  }

  /** Jaxley's {@code save_exp}: {@code exp(min(x, 20))}. NaN stays NaN, as with numpy. */
  public static double safeExp(double x) {
    return Math.exp(Math.min(x, SAFE_EXP_MAX));
  }

  public static double log(double x) {
    return Math.log(x);
  }

  public static double sqrt(double x) {
    return Math.sqrt(x);
  }

  public static double pow(double base, double exponent) {
    return Math.pow(base, exponent);
  }

  public static double tanh(double x) {
    return Math.tanh(x);
  }

  /** The logistic function {@code 1 / (1 + exp(-x))}. */
  public static double sigmoid(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }

  /** Minimum with numpy's NaN propagation, which {@link Math#min} already has. */
  public static double min(double a, double b) {
    return Math.min(a, b);
  }

  public static double max(double a, double b) {
    return Math.max(a, b);
  }

  public static double abs(double x) {
    return Math.abs(x);
  }
}
