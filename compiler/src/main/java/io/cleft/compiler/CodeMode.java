package io.cleft.compiler;

import io.cleft.compiler.optimize.MathMode;
import java.util.Objects;

/**
 * How generated code computes: the choices a front end (the CLI's {@code compile}, {@code eval}
 * and {@code run}, the Maven plugin, the benchmarks) makes once, from its flags, and passes on
 * to {@link Pipeline#generate} as one value.
 *
 * @param math {@link MathMode#IEEE} (the interpreter's bits) or opt-in fast math
 *     ({@code --fast-math}), which the optimizer applies
 * @param simd SIMD mode ({@code --simd}): the strip loops call the array kernels of
 *     cleft-runtime-vector, which use the Vector API when the JVM has
 *     {@code jdk.incubator.vector}; within {@code ArrayMath.ULPS} per call of the interpreter's
 *     values, not its bits, and the generated classes need cleft-runtime-vector
 */
public record CodeMode(MathMode math, boolean simd) {
  /** IEEE math without SIMD mode: generated code agrees with the interpreter to the bit. */
  public static final CodeMode DEFAULT = new CodeMode(MathMode.IEEE, false);

  public CodeMode {
    Objects.requireNonNull(math, "math");
  }

  /** The mode a front end's two flags choose: {@code --fast-math} and {@code --simd}. */
  public static CodeMode of(boolean fastMath, boolean simd) {
    return new CodeMode(fastMath ? MathMode.FAST : MathMode.IEEE, simd);
  }
}
