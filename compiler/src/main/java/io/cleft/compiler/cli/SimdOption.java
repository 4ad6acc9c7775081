package io.cleft.compiler.cli;

import io.cleft.runtime.vector.ArrayMath;
import java.io.PrintWriter;

/**
 * The {@code --simd} option that {@code compile}, {@code eval} and {@code run} share. The
 * {@code ./cleft} script adds {@code --add-modules jdk.incubator.vector} to the java command
 * when it sees {@code --simd}, so that the kernels run in vector lanes; a JVM started without
 * it (for instance {@code java -jar} directly) still runs them, as scalar loops, and says so.
 */
final class SimdOption {
  static final String DESCRIPTION =
      "SIMD mode: the strips' calls of exp, log, pow, tanh... go to array kernels in the Vector API's"
          + " lanes (cleft-runtime-vector; needs java --add-modules jdk.incubator.vector, which ./cleft adds);"
          + " results within a few ulps per call of the interpreter's, not its bits";

  static final String SCALAR_WARNING =
      "cleft: warning: --simd without the module jdk.incubator.vector (java --add-modules jdk.incubator.vector):"
          + " the kernels run as scalar loops";

  private SimdOption() {}

  /** Warns once on {@code err} if SIMD mode is on and the kernels cannot use the Vector API. */
  static void warnIfScalar(boolean simd, PrintWriter err) {
    warnIfScalar(simd, ArrayMath.vectorized(), err);
  }

  static void warnIfScalar(boolean simd, boolean vectorized, PrintWriter err) {
    if (simd && !vectorized) {
      err.println(SCALAR_WARNING);
      err.flush();
    }
  }
}
