package io.cleft.runtime.vector;

/**
 * The functions of {@link io.cleft.runtime.CleftMath} an array at a time, for the strip loops
 * of populations generated in SIMD mode ({@code cleft compile --simd}). With
 * {@code --add-modules jdk.incubator.vector} on the java command they run in the Vector API's
 * lanes, each result within a few ulps of CleftMath's (see {@link #ULPS}); without it they are
 * loops over CleftMath, with its bits. Which one is decided once ({@link #vectorized}).
 *
 * <p>Each method reads {@code count} elements of its input from {@code inFrom} (0 if not
 * given) and writes the function of each to {@code out} from {@code outFrom} (0 if not given).
 * Input and output may be the same array only over the same range. The generated code passes
 * its strip arrays, whose elements stay in the L1 cache.
 */
public final class ArrayMath {
  /**
   * The largest distance, in ulps, of any kernel's result from CleftMath's for the same input,
   * tested over wide random inputs (ArrayMathAccuracyTest). Math's exp, log and pow are within
   * 1 ulp of the exact value and so are the Vector API's, so they are at most 2 ulps apart;
   * tanh is allowed 2.5 ulps in Math, hence 5 for it, and sigmoid carries exp's error through
   * one addition and one division, rounding twice more. sqrt is exact in both.
   */
  public static final int ULPS = 5;

  private static final Kernels KERNELS = KernelChoice.KERNELS;

  private ArrayMath() {}

  /** Whether the kernels run in the Vector API's lanes; false means scalar loops over CleftMath. */
  public static boolean vectorized() {
    return KERNELS.vectorized();
  }

  public static void exp(double[] in, double[] out, int count) {
    KERNELS.exp(in, 0, out, 0, count);
  }

  public static void exp(double[] in, int inFrom, double[] out, int outFrom, int count) {
    KERNELS.exp(in, inFrom, out, outFrom, count);
  }

  /** {@code exp(min(x, 20))}, Jaxley's {@code save_exp}; NaN stays NaN. */
  public static void safeExp(double[] in, double[] out, int count) {
    KERNELS.safeExp(in, 0, out, 0, count);
  }

  public static void safeExp(double[] in, int inFrom, double[] out, int outFrom, int count) {
    KERNELS.safeExp(in, inFrom, out, outFrom, count);
  }

  public static void log(double[] in, double[] out, int count) {
    KERNELS.log(in, 0, out, 0, count);
  }

  public static void log(double[] in, int inFrom, double[] out, int outFrom, int count) {
    KERNELS.log(in, inFrom, out, outFrom, count);
  }

  public static void sqrt(double[] in, double[] out, int count) {
    KERNELS.sqrt(in, 0, out, 0, count);
  }

  public static void sqrt(double[] in, int inFrom, double[] out, int outFrom, int count) {
    KERNELS.sqrt(in, inFrom, out, outFrom, count);
  }

  public static void tanh(double[] in, double[] out, int count) {
    KERNELS.tanh(in, 0, out, 0, count);
  }

  public static void tanh(double[] in, int inFrom, double[] out, int outFrom, int count) {
    KERNELS.tanh(in, inFrom, out, outFrom, count);
  }

  /** The logistic function {@code 1 / (1 + exp(-x))}. */
  public static void sigmoid(double[] in, double[] out, int count) {
    KERNELS.sigmoid(in, 0, out, 0, count);
  }

  public static void sigmoid(double[] in, int inFrom, double[] out, int outFrom, int count) {
    KERNELS.sigmoid(in, inFrom, out, outFrom, count);
  }

  public static void pow(double[] base, double[] exponent, double[] out, int count) {
    KERNELS.pow(base, 0, exponent, 0, out, 0, count);
  }

  public static void pow(double[] base, int baseFrom, double[] exponent, int exponentFrom, double[] out, int outFrom, int count) {
    KERNELS.pow(base, baseFrom, exponent, exponentFrom, out, outFrom, count);
  }

  public static void pow(double[] base, double exponent, double[] out, int count) {
    KERNELS.pow(base, 0, exponent, out, 0, count);
  }

  public static void pow(double[] base, int baseFrom, double exponent, double[] out, int outFrom, int count) {
    KERNELS.pow(base, baseFrom, exponent, out, outFrom, count);
  }

  public static void pow(double base, double[] exponent, double[] out, int count) {
    KERNELS.pow(base, exponent, 0, out, 0, count);
  }

  public static void pow(double base, double[] exponent, int exponentFrom, double[] out, int outFrom, int count) {
    KERNELS.pow(base, exponent, exponentFrom, out, outFrom, count);
  }
}
