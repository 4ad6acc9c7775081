package io.cleft.runtime.vector;

import java.util.SplittableRandom;

/**
 * Runs every kernel of {@link ArrayMath} often enough for C2 to compile it. Until then the
 * Vector API runs its Java fallback, lane by lane with {@link Math}'s functions, which gives
 * CleftMath's bits; after, SVML's lanes give bits within the bound but not always the same. So
 * the bits of a SIMD population's first steps depend on the JIT (docs/GENERATED-CODE.md, SIMD
 * mode): tests of the bound call this first, and so may a simulation that wants every step in
 * vector lanes.
 */
public final class KernelWarmUp {
  /** Calls per kernel and round; C2 compiles in the background, so rounds go on until it has. */
  static final int CALLS_PER_ROUND = 10_000;

  /** At most this long: on a platform without SVML the fallback's bits never change. */
  static final long MOST_NANOS = 20_000_000_000L;

  private KernelWarmUp() {}

  /**
   * Compiles the kernels: about a second, nothing where they already are or run scalar (without
   * the module), and at most 20 s where the platform has no SVML and the bits never change.
   */
  public static void compileEveryKernel() {
    if (KernelChoice.KERNELS.vectorized()) {
      compileEveryKernel(KernelChoice.KERNELS);
    }
  }

  static void compileEveryKernel(Kernels kernels) {
    SplittableRandom random = new SplittableRandom(7);
    double[] in = new double[256];
    double[] exponents = new double[256];
    for (int j = 0; j < in.length; j++) {
      in[j] = random.nextDouble(0.1, 40);
      exponents[j] = random.nextDouble(-3, 3);
    }
    // Special values and counts with tails too, so that the compiled code has seen every path:
    // a path first taken later is an uncommon trap, and the deoptimised kernel runs the
    // fallback again until C2 compiles it anew.
    in[3] = Double.NaN;
    in[9] = Double.POSITIVE_INFINITY;
    in[17] = -0.0;
    exponents[5] = Double.NaN;
    exponents[11] = Double.NEGATIVE_INFINITY;
    double[] out = new double[in.length];
    long start = System.nanoTime();
    do {
      for (int call = 0; call < CALLS_PER_ROUND; call++) {
        int count = in.length - call % 8;
        kernels.exp(in, 0, out, 0, count);
        kernels.safeExp(in, 0, out, 0, count);
        kernels.log(in, 0, out, 0, count);
        kernels.sqrt(in, 0, out, 0, count);
        kernels.tanh(in, 0, out, 0, count);
        kernels.sigmoid(in, 0, out, 0, count);
        kernels.pow(in, 0, exponents, 0, out, 0, count);
        kernels.pow(in, 0, 1.5, out, 0, count);
        kernels.pow(1.5, exponents, 0, out, 0, count);
      }
    } while (!differsFromMath(kernels) && System.nanoTime() - start < MOST_NANOS);
  }

  /** Whether exp gives other bits than Math.exp somewhere on 4,096 arguments: SVML, not the fallback. */
  public static boolean differsFromMath() {
    return differsFromMath(KernelChoice.KERNELS);
  }

  static boolean differsFromMath(Kernels kernels) {
    SplittableRandom random = new SplittableRandom(11);
    double[] in = new double[4096];
    for (int j = 0; j < in.length; j++) {
      in[j] = random.nextDouble(-40, 40);
    }
    double[] out = new double[in.length];
    kernels.exp(in, 0, out, 0, in.length);
    for (int j = 0; j < in.length; j++) {
      if (Double.doubleToRawLongBits(out[j]) != Double.doubleToRawLongBits(Math.exp(in[j]))) {
        return true;
      }
    }
    return false;
  }
}
