package io.cleft.runtime.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Runs in a surefire execution of its own, without {@code jdk.incubator.vector} (see the pom):
 * the kernels fall back to loops over CleftMath, with its bits, and never touch the Vector API.
 */
class ScalarFallbackTest {
  @Test
  void withoutTheModuleTheKernelsAreScalar() {
    assertFalse(ModuleLayer.boot().findModule(KernelChoice.VECTOR_MODULE).isPresent(), "this run must not add the module");
    assertFalse(ArrayMath.vectorized());
  }

  @Test
  void withoutTheModuleTheResultsAreCleftMathsBits() {
    Random random = new Random(17);
    double[] in = new double[517];
    for (int j = 0; j < in.length; j++) {
      in[j] = (random.nextDouble() - 0.5) * 2e3;
    }
    in[3] = Double.NaN;
    in[4] = Double.POSITIVE_INFINITY;
    in[5] = Double.NEGATIVE_INFINITY;
    for (KernelCase kernel : KernelCase.values()) {
      double[] out = new double[in.length];
      kernel.run(KernelChoice.KERNELS, in, 0, out, 0, in.length);
      for (int j = 0; j < in.length; j++) {
        assertEquals(
            Double.doubleToRawLongBits(kernel.scalar.applyAsDouble(in[j])), Double.doubleToRawLongBits(out[j]), kernel + " of " + in[j]);
      }
    }
  }

  @Test
  void withoutTheModuleNoVectorApiClassIsLoaded() {
    double[] in = {1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0};
    ArrayMath.exp(in, new double[in.length], in.length);
    assertFalse(
        ModuleLayer.boot().modules().stream().anyMatch(m -> m.getName().startsWith("jdk.incubator")),
        "no incubator module was resolved");
  }
}
