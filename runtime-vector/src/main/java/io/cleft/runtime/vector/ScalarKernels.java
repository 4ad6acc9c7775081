package io.cleft.runtime.vector;

import io.cleft.runtime.CleftMath;

/**
 * The kernels as plain loops over {@link CleftMath}: what runs when {@code jdk.incubator.vector}
 * is not in the boot layer. Their results are CleftMath's bits, the interpreter's.
 */
final class ScalarKernels implements Kernels {
  @Override
  public void exp(double[] in, int inFrom, double[] out, int outFrom, int count) {
    for (int j = 0; j < count; j++) {
      out[outFrom + j] = CleftMath.exp(in[inFrom + j]);
    }
  }

  @Override
  public void safeExp(double[] in, int inFrom, double[] out, int outFrom, int count) {
    for (int j = 0; j < count; j++) {
      out[outFrom + j] = CleftMath.safeExp(in[inFrom + j]);
    }
  }

  @Override
  public void log(double[] in, int inFrom, double[] out, int outFrom, int count) {
    for (int j = 0; j < count; j++) {
      out[outFrom + j] = CleftMath.log(in[inFrom + j]);
    }
  }

  @Override
  public void sqrt(double[] in, int inFrom, double[] out, int outFrom, int count) {
    for (int j = 0; j < count; j++) {
      out[outFrom + j] = CleftMath.sqrt(in[inFrom + j]);
    }
  }

  @Override
  public void tanh(double[] in, int inFrom, double[] out, int outFrom, int count) {
    for (int j = 0; j < count; j++) {
      out[outFrom + j] = CleftMath.tanh(in[inFrom + j]);
    }
  }

  @Override
  public void sigmoid(double[] in, int inFrom, double[] out, int outFrom, int count) {
    for (int j = 0; j < count; j++) {
      out[outFrom + j] = CleftMath.sigmoid(in[inFrom + j]);
    }
  }

  @Override
  public void pow(double[] base, int baseFrom, double[] exponent, int exponentFrom, double[] out, int outFrom, int count) {
    for (int j = 0; j < count; j++) {
      out[outFrom + j] = CleftMath.pow(base[baseFrom + j], exponent[exponentFrom + j]);
    }
  }

  @Override
  public void pow(double[] base, int baseFrom, double exponent, double[] out, int outFrom, int count) {
    for (int j = 0; j < count; j++) {
      out[outFrom + j] = CleftMath.pow(base[baseFrom + j], exponent);
    }
  }

  @Override
  public void pow(double base, double[] exponent, int exponentFrom, double[] out, int outFrom, int count) {
    for (int j = 0; j < count; j++) {
      out[outFrom + j] = CleftMath.pow(base, exponent[exponentFrom + j]);
    }
  }

  @Override
  public boolean vectorized() {
    return false;
  }
}
