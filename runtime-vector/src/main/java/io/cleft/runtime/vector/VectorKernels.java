package io.cleft.runtime.vector;

import io.cleft.runtime.CleftMath;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernels in the Vector API's lanes. On x86 JDK 17 compiles {@code EXP}, {@code LOG},
 * {@code POW} and {@code TANH} to Intel's SVML routines (lib/libjsvml.so), four or eight
 * elements per call; each result is within 1 ulp of the exact value, as {@link Math}'s are, but
 * not always the same bits as {@link Math}'s. The elements after the last whole vector go
 * through {@link CleftMath}, so a kernel's result for an element can depend on where the
 * element falls in the array; both are within the bound (docs/GENERATED-CODE.md, SIMD mode).
 *
 * <p>Only {@link KernelChoice} names this class, reflectively, and only when
 * {@code jdk.incubator.vector} is in the boot layer: without the module no class of it is
 * ever loaded.
 */
final class VectorKernels implements Kernels {
  /**
   * The widest vectors this processor has: on the AVX-512 machine the kernels were measured on,
   * 512 bits ran the ionotropic strip faster than 256 (docs/GENERATED-CODE.md).
   */
  static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

  private static final int LANES = SPECIES.length();

  @Override
  public void exp(double[] in, int inFrom, double[] out, int outFrom, int count) {
    int bound = SPECIES.loopBound(count);
    int j = 0;
    for (; j < bound; j += LANES) {
      DoubleVector.fromArray(SPECIES, in, inFrom + j).lanewise(VectorOperators.EXP).intoArray(out, outFrom + j);
    }
    for (; j < count; j++) {
      out[outFrom + j] = CleftMath.exp(in[inFrom + j]);
    }
  }

  @Override
  public void safeExp(double[] in, int inFrom, double[] out, int outFrom, int count) {
    int bound = SPECIES.loopBound(count);
    int j = 0;
    for (; j < bound; j += LANES) {
      // min is Math.min lane by lane: NaN stays NaN, as in CleftMath.safeExp.
      DoubleVector.fromArray(SPECIES, in, inFrom + j)
          .min(CleftMath.SAFE_EXP_MAX)
          .lanewise(VectorOperators.EXP)
          .intoArray(out, outFrom + j);
    }
    for (; j < count; j++) {
      out[outFrom + j] = CleftMath.safeExp(in[inFrom + j]);
    }
  }

  @Override
  public void log(double[] in, int inFrom, double[] out, int outFrom, int count) {
    int bound = SPECIES.loopBound(count);
    int j = 0;
    for (; j < bound; j += LANES) {
      DoubleVector.fromArray(SPECIES, in, inFrom + j).lanewise(VectorOperators.LOG).intoArray(out, outFrom + j);
    }
    for (; j < count; j++) {
      out[outFrom + j] = CleftMath.log(in[inFrom + j]);
    }
  }

  @Override
  public void sqrt(double[] in, int inFrom, double[] out, int outFrom, int count) {
    // sqrt is correctly rounded in lanes as in Math.sqrt: the same bits.
    int bound = SPECIES.loopBound(count);
    int j = 0;
    for (; j < bound; j += LANES) {
      DoubleVector.fromArray(SPECIES, in, inFrom + j).lanewise(VectorOperators.SQRT).intoArray(out, outFrom + j);
    }
    for (; j < count; j++) {
      out[outFrom + j] = CleftMath.sqrt(in[inFrom + j]);
    }
  }

  @Override
  public void tanh(double[] in, int inFrom, double[] out, int outFrom, int count) {
    int bound = SPECIES.loopBound(count);
    int j = 0;
    for (; j < bound; j += LANES) {
      DoubleVector.fromArray(SPECIES, in, inFrom + j).lanewise(VectorOperators.TANH).intoArray(out, outFrom + j);
    }
    for (; j < count; j++) {
      out[outFrom + j] = CleftMath.tanh(in[inFrom + j]);
    }
  }

  @Override
  public void sigmoid(double[] in, int inFrom, double[] out, int outFrom, int count) {
    // CleftMath.sigmoid's operations in its order, 1 / (1 + exp(-x)), with the lanes' exp.
    DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
    int bound = SPECIES.loopBound(count);
    int j = 0;
    for (; j < bound; j += LANES) {
      DoubleVector e = DoubleVector.fromArray(SPECIES, in, inFrom + j).neg().lanewise(VectorOperators.EXP);
      one.div(one.add(e)).intoArray(out, outFrom + j);
    }
    for (; j < count; j++) {
      out[outFrom + j] = CleftMath.sigmoid(in[inFrom + j]);
    }
  }

  @Override
  public void pow(double[] base, int baseFrom, double[] exponent, int exponentFrom, double[] out, int outFrom, int count) {
    int bound = SPECIES.loopBound(count);
    int j = 0;
    for (; j < bound; j += LANES) {
      DoubleVector bases = DoubleVector.fromArray(SPECIES, base, baseFrom + j);
      DoubleVector exponents = DoubleVector.fromArray(SPECIES, exponent, exponentFrom + j);
      asJavaPow(bases, exponents, bases.lanewise(VectorOperators.POW, exponents)).intoArray(out, outFrom + j);
    }
    for (; j < count; j++) {
      out[outFrom + j] = CleftMath.pow(base[baseFrom + j], exponent[exponentFrom + j]);
    }
  }

  @Override
  public void pow(double[] base, int baseFrom, double exponent, double[] out, int outFrom, int count) {
    DoubleVector exponents = DoubleVector.broadcast(SPECIES, exponent);
    int bound = SPECIES.loopBound(count);
    int j = 0;
    for (; j < bound; j += LANES) {
      DoubleVector bases = DoubleVector.fromArray(SPECIES, base, baseFrom + j);
      asJavaPow(bases, exponents, bases.lanewise(VectorOperators.POW, exponents)).intoArray(out, outFrom + j);
    }
    for (; j < count; j++) {
      out[outFrom + j] = CleftMath.pow(base[baseFrom + j], exponent);
    }
  }

  @Override
  public void pow(double base, double[] exponent, int exponentFrom, double[] out, int outFrom, int count) {
    DoubleVector bases = DoubleVector.broadcast(SPECIES, base);
    int bound = SPECIES.loopBound(count);
    int j = 0;
    for (; j < bound; j += LANES) {
      DoubleVector exponents = DoubleVector.fromArray(SPECIES, exponent, exponentFrom + j);
      asJavaPow(bases, exponents, bases.lanewise(VectorOperators.POW, exponents)).intoArray(out, outFrom + j);
    }
    for (; j < count; j++) {
      out[outFrom + j] = CleftMath.pow(base, exponent[exponentFrom + j]);
    }
  }

  /**
   * SVML's {@code pow} follows C99, where {@code pow(1, y)} is 1 for every y, NaN included, and
   * {@code pow(-1, ±inf)} is 1; {@link Math#pow} gives NaN for a NaN exponent and for
   * {@code |x| = 1} with an infinite exponent. Those lanes are set to NaN, so that a NaN is never
   * lost in SIMD mode. Every other special case of the two agrees.
   */
  private static DoubleVector asJavaPow(DoubleVector bases, DoubleVector exponents, DoubleVector powers) {
    VectorMask<Double> nan =
        exponents.test(VectorOperators.IS_NAN)
            .or(bases.abs().eq(1.0).and(exponents.test(VectorOperators.IS_INFINITE)));
    return powers.blend(Double.NaN, nan);
  }

  @Override
  public boolean vectorized() {
    return true;
  }
}
