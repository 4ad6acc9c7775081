package io.cleft.runtime.vector;

import io.cleft.runtime.CleftMath;
import java.util.function.DoubleUnaryOperator;

/** A one-argument kernel of {@link ArrayMath}, its CleftMath function and its bound in ulps. */
enum KernelCase {
  EXP(CleftMath::exp, 2) {
    @Override
    void run(Kernels kernels, double[] in, int inFrom, double[] out, int outFrom, int count) {
      kernels.exp(in, inFrom, out, outFrom, count);
    }
  },
  SAFE_EXP(CleftMath::safeExp, 2) {
    @Override
    void run(Kernels kernels, double[] in, int inFrom, double[] out, int outFrom, int count) {
      kernels.safeExp(in, inFrom, out, outFrom, count);
    }
  },
  LOG(CleftMath::log, 2) {
    @Override
    void run(Kernels kernels, double[] in, int inFrom, double[] out, int outFrom, int count) {
      kernels.log(in, inFrom, out, outFrom, count);
    }
  },
  SQRT(CleftMath::sqrt, 0) {
    @Override
    void run(Kernels kernels, double[] in, int inFrom, double[] out, int outFrom, int count) {
      kernels.sqrt(in, inFrom, out, outFrom, count);
    }
  },
  TANH(CleftMath::tanh, 5) {
    @Override
    void run(Kernels kernels, double[] in, int inFrom, double[] out, int outFrom, int count) {
      kernels.tanh(in, inFrom, out, outFrom, count);
    }
  },
  SIGMOID(CleftMath::sigmoid, 4) {
    @Override
    void run(Kernels kernels, double[] in, int inFrom, double[] out, int outFrom, int count) {
      kernels.sigmoid(in, inFrom, out, outFrom, count);
    }
  };

  final DoubleUnaryOperator scalar;
  final int ulps;

  KernelCase(DoubleUnaryOperator scalar, int ulps) {
    this.scalar = scalar;
    this.ulps = ulps;
  }

  abstract void run(Kernels kernels, double[] in, int inFrom, double[] out, int outFrom, int count);
}
