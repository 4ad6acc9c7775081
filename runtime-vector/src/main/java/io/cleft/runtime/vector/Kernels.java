package io.cleft.runtime.vector;

/**
 * One implementation of the array kernels of {@link ArrayMath}: each reads {@code count} values
 * of {@code in} from {@code inFrom} and writes the function's values to {@code out} from
 * {@code outFrom}. The arrays may be the same array only if the ranges are the same.
 */
interface Kernels {
  void exp(double[] in, int inFrom, double[] out, int outFrom, int count);

  void safeExp(double[] in, int inFrom, double[] out, int outFrom, int count);

  void log(double[] in, int inFrom, double[] out, int outFrom, int count);

  void sqrt(double[] in, int inFrom, double[] out, int outFrom, int count);

  void tanh(double[] in, int inFrom, double[] out, int outFrom, int count);

  void sigmoid(double[] in, int inFrom, double[] out, int outFrom, int count);

  /** Bases and exponents both per element. */
  void pow(double[] base, int baseFrom, double[] exponent, int exponentFrom, double[] out, int outFrom, int count);

  /** One exponent for every base. */
  void pow(double[] base, int baseFrom, double exponent, double[] out, int outFrom, int count);

  /** One base for every exponent. */
  void pow(double base, double[] exponent, int exponentFrom, double[] out, int outFrom, int count);

  /** Whether these are the Vector API's kernels. */
  boolean vectorized();
}
