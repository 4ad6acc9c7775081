package io.cleft.compiler;

import io.cleft.compiler.optimize.MathMode;

/**
 * How a checked program becomes Java ({@link Pipeline#generate}): the one value every front end
 * (the CLI's {@code compile} and {@code eval}, the Maven plugin, the benchmarks) builds, so the
 * passes after the front end and their order are written only in {@link Pipeline}.
 *
 * @param mathMode {@link MathMode#IEEE} (the interpreter's bits) or opt-in fast math
 * @param packageName the generated class's package, already validated; empty for none
 * @param simd SIMD mode: the strip loops call the array kernels of cleft-runtime-vector, which
 *     use the Vector API when the JVM has {@code jdk.incubator.vector}; within
 *     {@code ArrayMath.ULPS} per call of the interpreter's values, not its bits
 */
public record GenerationOptions(MathMode mathMode, String packageName, boolean simd) {
  public GenerationOptions {
    if (mathMode == null || packageName == null) {
      throw new NullPointerException("mathMode and packageName are required");
    }
  }

  /** Without SIMD mode, the default. */
  public GenerationOptions(MathMode mathMode, String packageName) {
    this(mathMode, packageName, false);
  }

  /** These options with SIMD mode on or off. */
  public GenerationOptions withSimd(boolean on) {
    return new GenerationOptions(mathMode, packageName, on);
  }

  /** IEEE math, the default. */
  public static GenerationOptions inPackage(String packageName) {
    return new GenerationOptions(MathMode.IEEE, packageName);
  }
}
