package io.cleft.runtime.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cleft.runtime.CleftMath;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every kernel in the Vector API's lanes against its CleftMath function, within its bound in
 * ulps ({@link KernelCase#ulps}, at most {@link ArrayMath#ULPS}), over wide random inputs and
 * the special values (NaN, the infinities, safe_exp's clip, voltages of a thousand mV). This
 * run has {@code --add-modules jdk.incubator.vector} (the pom's surefire argLine).
 */
class ArrayMathAccuracyTest {
  private static final Kernels VECTOR = KernelChoice.KERNELS;
  private static final Kernels SCALAR = new ScalarKernels();

  // A static initialiser, not @BeforeAll: jqwik's properties in this class do not run JUnit's
  // lifecycle methods, and every test here must see the compiled kernels.
  static {
    KernelWarmUp.compileEveryKernel(VECTOR);
  }

  /** Inputs every kernel must get right, placed among the whole vectors and in the tail. */
  private static final double[] SPECIAL = {
    Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, 1.0, -1.0,
    1e3, -1e3, 20.0, Math.nextUp(20.0), Math.nextDown(20.0), 21.0, 700.0, 709.78, 710.0, -745.2, -800.0,
    Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300, 0.5, 2.0, 1e-8, -1e-8, 35.0, -35.0
  };

  @Test
  void theVectorApiIsInUse() {
    assertTrue(ArrayMath.vectorized(), "this test run adds jdk.incubator.vector, so the kernels must use it");
  }

  @Property(tries = 300)
  void everyKernelIsWithinItsBound(
      @ForAll("wide") double[] values, @ForAll @IntRange(min = 0, max = 7) int from) {
    for (KernelCase kernel : KernelCase.values()) {
      double[] in = new double[from + values.length];
      System.arraycopy(values, 0, in, from, values.length);
      double[] out = new double[values.length + 3];
      kernel.run(VECTOR, in, from, out, 2, values.length);
      for (int j = 0; j < values.length; j++) {
        double expected = kernel.scalar.applyAsDouble(values[j]);
        long distance = Ulps.distance(expected, out[2 + j]);
        assertTrue(
            distance <= kernel.ulps,
            () -> kernel + " of " + in[from] + "...: " + distance + " ulps from CleftMath");
      }
      assertEquals(0.0, out[0]);
      assertEquals(0.0, out[1]);
      assertEquals(0.0, out[out.length - 1], "a kernel wrote past its count");
    }
  }

  @ParameterizedTest
  @EnumSource(KernelCase.class)
  void specialValuesAsCleftMathHasThem(KernelCase kernel) {
    // Each special value once in every lane position and once in the scalar tail.
    for (int shift = 0; shift < 9; shift++) {
      double[] in = new double[SPECIAL.length + shift];
      Arrays.fill(in, 0.25);
      System.arraycopy(SPECIAL, 0, in, shift, SPECIAL.length);
      double[] out = new double[in.length];
      kernel.run(VECTOR, in, 0, out, 0, in.length);
      for (int j = 0; j < in.length; j++) {
        double expected = kernel.scalar.applyAsDouble(in[j]);
        if (Double.isNaN(expected) || Double.isInfinite(expected) || expected == 0.0) {
          // NaN in NaN out; overflow and underflow exactly where CleftMath has them.
          assertEquals(expected, out[j], kernel + " of " + in[j]);
        } else {
          long distance = Ulps.distance(expected, out[j]);
          int at = j;
          assertTrue(distance <= kernel.ulps, () -> kernel + " of " + in[at] + ": " + distance + " ulps");
        }
      }
    }
  }

  @Test
  void safeExpClipsAtTwentyExactlyAsCleftMath() {
    double[] in = new double[64];
    for (int j = 0; j < in.length; j++) {
      in[j] = 20.0 + j * 37.5; // 20 and far above, up to +1e3 mV-sized arguments
    }
    in[5] = Double.POSITIVE_INFINITY;
    double[] out = new double[in.length];
    ArrayMath.safeExp(in, out, in.length);
    for (int j = 0; j < in.length; j++) {
      assertEquals(out[0], out[j], "every clipped argument gives exp(20)");
      assertTrue(Ulps.distance(CleftMath.safeExp(in[j]), out[j]) <= 2);
    }
    double[] below = {Math.nextDown(20.0), Math.nextDown(20.0), Math.nextDown(20.0), Math.nextDown(20.0),
      Math.nextDown(20.0), Math.nextDown(20.0), Math.nextDown(20.0), Math.nextDown(20.0)};
    double[] belowOut = new double[below.length];
    ArrayMath.safeExp(below, belowOut, below.length);
    assertTrue(belowOut[0] <= out[0], "just below the clip is not above it");
  }

  @Property(tries = 200)
  void powWithinTwoUlpsInEveryForm(
      @ForAll("positive") double[] bases, @ForAll("exponents") double exponent, @ForAll("exponents") double base) {
    int n = bases.length;
    double[] exponents = new double[n];
    for (int j = 0; j < n; j++) {
      exponents[j] = exponent + j * 0.125;
    }
    double[] out = new double[n];
    ArrayMath.pow(bases, exponents, out, n);
    for (int j = 0; j < n; j++) {
      assertTrue(Ulps.distance(CleftMath.pow(bases[j], exponents[j]), out[j]) <= 2, "pow(array, array)");
    }
    ArrayMath.pow(bases, exponent, out, n);
    for (int j = 0; j < n; j++) {
      assertTrue(Ulps.distance(CleftMath.pow(bases[j], exponent), out[j]) <= 2, "pow(array, scalar)");
    }
    double positiveBase = Math.abs(base) + 0.5;
    ArrayMath.pow(positiveBase, exponents, out, n);
    for (int j = 0; j < n; j++) {
      assertTrue(Ulps.distance(CleftMath.pow(positiveBase, exponents[j]), out[j]) <= 2, "pow(scalar, array)");
    }
  }

  /**
   * The compiled kernels are SVML's, not the fallback's: some results differ from Math's bits
   * (within the bound). On x86-64, where JDK 17 has SVML, this fails if the warm-up did not
   * reach C2, and then the other tests here would be testing the fallback.
   */
  @Test
  void theCompiledKernelsAreTheVectorOnes() {
    assumeTrue("amd64".equals(System.getProperty("os.arch")), "JDK 17 has SVML on x86-64 only");
    assertTrue(
        KernelWarmUp.differsFromMath(VECTOR),
        "no result differs from Math.exp's bits: the kernels still run the Vector API's Java fallback");
  }

  /**
   * Every special pair of pow, in each form and in every lane position, as Math has it: Java
   * gives NaN for a NaN exponent and for |x| = 1 with an infinite exponent, where SVML (C99)
   * gives 1.
   */
  @Test
  void powOfSpecialValuesAsMath() {
    double[] specials = {Double.NaN, 0.0, -0.0, 1.0, -1.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -2.0, 2.0,
      0.5, -1e3, 3.0};
    int lanes = 16;
    for (double base : specials) {
      for (double exponent : specials) {
        double expected = CleftMath.pow(base, exponent);
        double[] bases = new double[lanes + 3];
        double[] exponents = new double[lanes + 3];
        Arrays.fill(bases, base);
        Arrays.fill(exponents, exponent);
        double[] out = new double[bases.length];
        String pair = "pow(" + base + ", " + exponent + ")";
        VECTOR.pow(bases, 0, exponents, 0, out, 0, bases.length);
        assertPowEverywhere(expected, out, pair + ", arrays");
        VECTOR.pow(bases, 0, exponent, out, 0, bases.length);
        assertPowEverywhere(expected, out, pair + ", scalar exponent");
        VECTOR.pow(base, exponents, 0, out, 0, bases.length);
        assertPowEverywhere(expected, out, pair + ", scalar base");
      }
    }
  }

  private static void assertPowEverywhere(double expected, double[] out, String what) {
    for (int j = 0; j < out.length; j++) {
      if (Double.isNaN(expected) || Double.isInfinite(expected) || expected == 0.0) {
        assertEquals(expected, out[j], what + " at " + j);
      } else {
        assertTrue(Ulps.distance(expected, out[j]) <= 2, what + " at " + j + " = " + out[j]);
      }
    }
  }

  @Property(tries = 100)
  void theScalarKernelsAreCleftMathsBits(@ForAll("wide") double[] values) {
    for (KernelCase kernel : KernelCase.values()) {
      double[] out = new double[values.length];
      kernel.run(SCALAR, values, 0, out, 0, values.length);
      for (int j = 0; j < values.length; j++) {
        assertEquals(
            Double.doubleToRawLongBits(kernel.scalar.applyAsDouble(values[j])),
            Double.doubleToRawLongBits(out[j]),
            kernel + " of " + values[j]);
      }
    }
  }

  /** Arrays up to two strips long of values from tiny to huge, of both signs, and specials. */
  @Provide
  Arbitrary<double[]> wide() {
    Arbitrary<Double> magnitude =
        Arbitraries.integers().between(-300, 300).flatMap(e -> Arbitraries.doubles().between(1.0, 10.0).map(m -> m * Math.pow(10, e)));
    Arbitrary<Double> signed = magnitude.flatMap(m -> Arbitraries.of(m, -m));
    Arbitrary<Double> moderate = Arbitraries.doubles().between(-1e3, 1e3);
    Arbitrary<Double> special = Arbitraries.integers().between(0, SPECIAL.length - 1).map(k -> SPECIAL[k]);
    Arbitrary<Double> value = Arbitraries.frequencyOf(Tuple.of(4, moderate), Tuple.of(3, signed), Tuple.of(1, special));
    return value.array(double[].class).ofMinSize(0).ofMaxSize(600);
  }

  @Provide
  Arbitrary<double[]> positive() {
    return Arbitraries.doubles().between(1e-6, 1e6).ofScale(9).array(double[].class).ofMinSize(0).ofMaxSize(300);
  }

  @Provide
  Arbitrary<Double> exponents() {
    return Arbitraries.doubles().between(-30.0, 30.0);
  }
}
